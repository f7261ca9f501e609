using System.Text.Json;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;

namespace Newsroom.Dedup;

/// <summary>
/// What dedup compares and stores of one article, computed once from its <see cref="ArticleExtracted"/> by
/// <see cref="StoryClusterer.Profile"/>, the stored forms (JSON) included, so that a caller computes it ahead of the
/// decision, on another core.
/// </summary>
public sealed class ArticleProfile
{
    /// <summary>Words at the start of the text whose entities count as the article's subject, with the title's.</summary>
    private const int CentralWords = 60;

    private ArticleProfile(
        ArticleExtracted article, StoryClustererOptions options, MinHashSignature signature, Dictionary<string, int> terms, HashSet<string> leadTerms,
        SortedDictionary<string, string> entities, Dictionary<string, double> entityWeights, Dictionary<string, EntityType> entityTypes)
    {
        Article = article;
        Options = options;
        Signature = signature;
        Terms = terms;
        LeadTerms = leadTerms;
        Entities = entities;
        EntityWeights = entityWeights;
        EntityTypes = entityTypes;
        EventTime = EventTimeOf(article);
        var lead = article.LeadEvent;
        // A dated report whose opening names no day is taken to be of the day of its event time: its lead-event date,
        // or the day its outlet published it, which is the event's or the next (the margin allows a day).
        Lead = new MemberLead(
            article.Article.ArticleId,
            NullIfEmpty(lead?.ActorEntityId),
            lead?.Action ?? EventAction.Unspecified,
            NullIfEmpty(lead?.TargetEntityId),
            lead?.Date,
            article.LeadWeekday ?? EventTime?.DayOfWeek);
        TargetIsPerson = Lead.TargetId is { } target && (article.Entities ?? []).Any(e => e.CanonicalId == target && e.Type == EntityType.Person);
        ArticleJson = JsonSerializer.Serialize(article, StoryStore.Json);
        TermCountsJson = JsonSerializer.Serialize(terms, StoryStore.Json);
        EntityIdsJson = JsonSerializer.Serialize(entities.Keys, StoryStore.Json);
        StoryEntitiesJson = JsonSerializer.Serialize(
            entities.Select(e => new object[] { e.Key, e.Value, entityWeights.GetValueOrDefault(e.Key), (int)entityTypes.GetValueOrDefault(e.Key) }), StoryStore.Json);
        StoryTermsJson = JsonSerializer.Serialize(terms.ToDictionary(t => t.Key, t => TermWeights.Damped(t.Value), StringComparer.Ordinal), StoryStore.Json);
    }

    /// <summary>The options the profile was computed with.</summary>
    internal StoryClustererOptions Options { get; }

    /// <summary>The article as stored, to answer a redelivery with its decision.</summary>
    internal string ArticleJson { get; }

    /// <summary><see cref="Terms"/> as stored with the member.</summary>
    internal string TermCountsJson { get; }

    /// <summary>The ids of <see cref="Entities"/> as stored with the member.</summary>
    internal string EntityIdsJson { get; }

    /// <summary>What the article adds to its story's entity profile: id, name, centrality and type of each entity.</summary>
    internal string StoryEntitiesJson { get; }

    /// <summary>What the article adds to its story's term profile: each term's damped count.</summary>
    internal string StoryTermsJson { get; }

    public ArticleExtracted Article { get; }

    public string ArticleId => Article.Article.ArticleId;

    internal MinHashSignature Signature { get; }

    /// <summary>Content-word counts of the title and lead.</summary>
    internal Dictionary<string, int> Terms { get; }

    /// <summary>The content words of the lead alone, without the title's: empty for an article without text.</summary>
    internal HashSet<string> LeadTerms { get; }

    /// <summary>Canonical entity id to canonical name, each entity once, in id order.</summary>
    internal SortedDictionary<string, string> Entities { get; }

    /// <summary>
    /// How central each entity is to the article: its mentions, those in the title or the opening words
    /// counting three times, damped. The subject of a report weighs more than the background it names.
    /// </summary>
    internal Dictionary<string, double> EntityWeights { get; }

    /// <summary>Canonical entity id to the type extraction gave its first mention.</summary>
    internal Dictionary<string, EntityType> EntityTypes { get; }

    internal MemberLead Lead { get; }

    /// <summary>Whether the lead event's target is a person: the one arrested, freed, sentenced or killed.</summary>
    internal bool TargetIsPerson { get; }

    /// <summary>
    /// When the event happened as far as the article tells: its lead-event date, else its publication date;
    /// null when it tells neither. Never the time of processing, which says nothing of the event.
    /// </summary>
    internal DateTimeOffset? EventTime { get; }

    internal static ArticleProfile Create(ArticleExtracted article, StoryClustererOptions options)
    {
        var ingested = article.Article;
        var titleTokens = ArticleText.Tokens(ingested.Title ?? string.Empty, options.MaxTitleTokens);
        var textTokens = ArticleText.Tokens(ingested.Text ?? string.Empty, options.MaxTextTokens);
        var signature = ComputeSignature(titleTokens, textTokens, options);
        var leadTerms = ArticleText.TermCounts(textTokens.Take(options.LeadTokenCount));
        var terms = ArticleText.TermCounts(titleTokens.Concat(textTokens.Take(options.LeadTokenCount)));
        var entities = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var mentions = new Dictionary<string, double>(StringComparer.Ordinal);
        var types = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        var text = ingested.Text ?? string.Empty;
        var title = ingested.Title ?? string.Empty;
        var centralEnd = OffsetAfterWords(text, CentralWords);
        foreach (var mention in article.Entities ?? [])
        {
            if (string.IsNullOrEmpty(mention.CanonicalId))
            {
                continue;
            }
            var name = string.IsNullOrEmpty(mention.CanonicalName) ? mention.Text : mention.CanonicalName;
            types.TryAdd(mention.CanonicalId, mention.Type);
            var weight = mention.Start < centralEnd ? 3 : 1;
            // The title's entities are not reported with offsets (they are resolved with the text); an entity
            // of the text whose name is in the title counts once more as a title mention.
            if (entities.TryAdd(mention.CanonicalId, name)
                && (title.Contains(mention.Text, StringComparison.OrdinalIgnoreCase) || title.Contains(name, StringComparison.OrdinalIgnoreCase)))
            {
                weight += 3;
            }
            mentions[mention.CanonicalId] = mentions.GetValueOrDefault(mention.CanonicalId) + weight;
        }
        var weights = mentions.ToDictionary(m => m.Key, m => Math.Log(1 + m.Value), StringComparer.Ordinal);
        return new ArticleProfile(article, options, signature, terms, leadTerms.Keys.ToHashSet(StringComparer.Ordinal), entities, weights, types);
    }

    /// <summary>
    /// The article's MinHash signature alone, as <see cref="Create"/> computes it: for re-signing stored articles when the
    /// MinHash options change, which needs neither the terms nor the stored forms.
    /// </summary>
    internal static MinHashSignature SignatureOf(ArticleExtracted article, StoryClustererOptions options) =>
        ComputeSignature(
            ArticleText.Tokens(article.Article.Title ?? string.Empty, options.MaxTitleTokens),
            ArticleText.Tokens(article.Article.Text ?? string.Empty, options.MaxTextTokens),
            options);

    private static MinHashSignature ComputeSignature(List<string> titleTokens, List<string> textTokens, StoryClustererOptions options) =>
        MinHashSignature.Compute(
            ArticleText.ShingleHashes(textTokens.Count > 0 ? textTokens : titleTokens, options.ShingleSize),
            options.MinHashCount);

    /// <summary>The character offset just after the first <paramref name="words"/> words of the text.</summary>
    private static int OffsetAfterWords(string text, int words)
    {
        var seen = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && i > 0 && !char.IsWhiteSpace(text[i - 1]) && ++seen == words)
            {
                return i;
            }
        }
        return text.Length;
    }

    /// <summary>The lead event as a reader would say it, for example "Kataib Hezbollah suspend US forces".</summary>
    internal string DescribeLeadEvent()
    {
        var lead = Article.LeadEvent;
        if (lead is null)
        {
            return string.Empty;
        }
        var actor = NameOf(lead.ActorEntityId) ?? lead.ActorText;
        var action = lead.Action is EventAction.Unspecified or EventAction.Other
            ? lead.ActionText
            : MemberLead.NameOf(lead.Action);
        var target = NameOf(lead.TargetEntityId) ?? lead.TargetText;
        var parts = new[] { actor, action, target }.Where(p => !string.IsNullOrWhiteSpace(p));
        var description = string.Join(' ', parts);
        return lead.Date is { } date
            ? $"{description} ({date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)})"
            : description;
    }

    private string? NameOf(string? entityId) =>
        entityId is not null && Entities.TryGetValue(entityId, out var name) ? name : null;

    private static DateTimeOffset? EventTimeOf(ArticleExtracted article) =>
        article.LeadEvent?.Date is { } date
            ? new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)
            : article.Article.Published;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
