using System.Globalization;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;

namespace Newsroom.Dedup;

/// <summary>
/// The second layer's judgement of whether an article reports the same event as a story: title-and-lead
/// TF-IDF cosine against the story's centroid, the cosine of canonical entities weighted by how central
/// they are (entities common across stories weigh less), and lead-event agreement with
/// the members. The same doer doing another thing, the same act by another doer or with the roles reversed, the same
/// act befalling another person, subjects that conflict (each side centred on someone or somewhere the other never
/// names), or lead-event dates of the same doer or act too far apart veto the match outright, which is what keeps
/// look-alike events (a suspension in January, a resumption in April) apart.
/// </summary>
internal sealed class SameEventScorer
{
    public const string TextFeature = "title_lead_tfidf";
    public const string EntityFeature = "canonical_entities";
    public const string LeadEventFeature = "lead_event";

    /// <summary>
    /// An article's entity is one of its subjects from a centrality of ln(1 + 7) (see <see cref="ArticleProfile.EntityWeights"/>):
    /// named in the title, in the opening words and once more, or three times in the opening.
    /// </summary>
    private static readonly double ArticleSubject = Math.Log(8);

    /// <summary>A story's entity is one of its subjects from a mean centrality over its members of ln(1 + 4): about an opening mention and one more in each.</summary>
    private static readonly double StorySubject = Math.Log(5);

    /// <summary>Below this mean centrality over its members, a story has hardly named an entity: fewer than a third of them mention it once.</summary>
    private const double StoryBackground = 0.2;

    /// <summary>Acts whose target is the person they befall: another person arrested or freed is another event.</summary>
    private static readonly HashSet<EventAction> PersonActs =
        [EventAction.Arrest, EventAction.Sentence, EventAction.Release, EventAction.Kill, EventAction.Dismiss, EventAction.Appoint];

    private static readonly char[] NameSeparators = [' ', '-', '.', '\'', '’'];

    private readonly StoryClustererOptions _options;
    private readonly ArticleProfile _article;
    private readonly long _stories;
    private readonly Func<string, int> _termStories;
    private readonly Func<string, int> _entityStories;
    private readonly Dictionary<string, double> _articleVector;
    private readonly double _articleNorm;

    /// <summary>The article's subjects (see <see cref="ArticleSubject"/>) with the words of their names, in name order.</summary>
    private readonly List<(string Id, string Name, HashSet<string> Words)> _articleSubjects;

    /// <summary>The words of every name the article gives.</summary>
    private readonly HashSet<string> _articleWords;

    /// <param name="termStories">In how many stored stories a term occurs.</param>
    /// <param name="entityStories">In how many stored stories an entity occurs.</param>
    public SameEventScorer(StoryClustererOptions options, ArticleProfile article, long stories, Func<string, int> termStories, Func<string, int> entityStories)
    {
        _options = options;
        _article = article;
        _stories = stories;
        _termStories = termStories;
        _entityStories = entityStories;
        _articleVector = article.Terms.ToDictionary(t => t.Key, t => TermWeights.Damped(t.Value) * TermIdf(t.Key), StringComparer.Ordinal);
        _articleNorm = Norm(_articleVector.Values);
        _articleSubjects = [.. article.EntityWeights
            .Where(e => e.Value >= ArticleSubject)
            .Select(e => (e.Key, article.Entities[e.Key], NameWords([article.Entities[e.Key]])))
            .OrderBy(s => s.Item2, StringComparer.Ordinal)];
        _articleWords = NameWords(article.Entities.Values);
    }

    /// <summary>In how many stored stories a term occurs.</summary>
    public int TermStoryCount(string term) => _termStories(term);

    /// <summary>
    /// Inverse story frequency of a term. Counted in stories, not articles: a story of many reports (or a wire copy
    /// that many outlets run) would otherwise discount its own words, so that its next report resembled it less.
    /// </summary>
    public double TermIdf(string term) => TermWeights.Inverse(_termStories(term), _stories);

    /// <summary>Inverse story frequency of an entity.</summary>
    public double EntityIdf(string entityId) => TermWeights.Inverse(_entityStories(entityId), _stories);

    public StoryMatch Score(StoryProfile story)
    {
        var veto = Veto(story);
        var (textScore, sharedTerms) = TextCosine(story);
        var (entityScore, sharedEntities) = EntityCosine(story);
        var leadScore = story.Members.Count == 0 ? 0 : story.Members.Max(LeadAgreement);
        var score = Combine(textScore, entityScore, leadScore, LeadComparable(story.Members));
        var lead = _article.DescribeLeadEvent();
        StoryMatchFeature[] features =
        [
            new(LeadEventFeature, Round(leadScore), lead.Length > 0 ? lead : "no lead event"),
            new(EntityFeature, Round(entityScore), string.Join(", ", sharedEntities)),
            new(TextFeature, Round(textScore), string.Join(", ", sharedTerms)),
        ];
        return new StoryMatch(story.StoryId, Round(score), features, veto);
    }

    /// <summary>The same score against a single member, to name the member the article matches best.</summary>
    public double ScoreMember(MemberLead member, Dictionary<string, int> memberTerms, IReadOnlyCollection<string> memberEntities)
    {
        var vector = memberTerms.ToDictionary(t => t.Key, t => TermWeights.Damped(t.Value) * TermIdf(t.Key), StringComparer.Ordinal);
        var text = Cosine(vector);
        double shared = 0, union = 0;
        foreach (var id in memberEntities.Union(_article.Entities.Keys, StringComparer.Ordinal))
        {
            var weight = EntityIdf(id);
            union += weight;
            if (_article.Entities.ContainsKey(id) && memberEntities.Contains(id))
            {
                shared += weight;
            }
        }
        var entities = union == 0 ? 0 : shared / union;
        return Combine(text, entities, LeadAgreement(member), LeadComparable([member]));
    }

    /// <summary>
    /// The weighted mean of the features. Lead-event agreement counts only when it could agree: when the article's lead
    /// event and a member's both name a doer, or both name the one acted on (see <see cref="LeadComparable"/>). Articles
    /// without such a lead event are judged on text and entities alone instead of being pulled down by a missing feature.
    /// </summary>
    private double Combine(double text, double entities, double lead, bool leadComparable)
    {
        var leadWeight = leadComparable ? _options.LeadEventWeight : 0;
        var total = _options.TextWeight + _options.EntityWeight + leadWeight;
        return total <= 0 ? 0 : ((_options.TextWeight * text) + (_options.EntityWeight * entities) + (leadWeight * lead)) / total;
    }

    /// <summary>
    /// Whether some member's lead event fills a role the article's fills too. Agreement is counted over the parties
    /// (see <see cref="LeadAgreement"/>), so a lead event whose only resolved party has no counterpart ("Signature Bank was
    /// seized", against "the Treasury announced") scores nothing whatever the event, and counting it would only lower the score.
    /// </summary>
    private bool LeadComparable(IEnumerable<MemberLead> members) =>
        members.Any(m => (_article.Lead.ActorId is not null && m.ActorId is not null) || (_article.Lead.TargetId is not null && m.TargetId is not null));

    private static bool SameKind(MemberLead lead, MemberLead member) =>
        (lead.HasKnownAction && member.HasKnownAction && lead.Action == member.Action)
        || (lead.ActorId is not null && string.Equals(lead.ActorId, member.ActorId, StringComparison.Ordinal));

    /// <summary>Why the article cannot join the story, in words a reader of <c>nearest_story</c> follows (entities by name); null when nothing vetoes.</summary>
    private string? Veto(StoryProfile story)
    {
        var members = story.Members;
        var lead = _article.Lead;
        string Named(string id) => _article.Entities.GetValueOrDefault(id) ?? story.EntityNames.GetValueOrDefault(id, id);
        // A shared headline alone is no evidence of one event: a text that shares no content word
        // with the story (titles included) reports something else, however alike the titles.
        if (_article.LeadTerms.Count > 0 && !_article.LeadTerms.Any(story.TermWeights.ContainsKey))
        {
            return "only the title is shared: the text has no content word in common with the story";
        }
        // The same kind of act by another doer is another event (a militia's attack and a state's strike),
        // and so is the same act with the roles reversed. Only acts extraction reads surely count (see
        // MemberLead.HasKnownAction): for the rest, rewrites name different participants first.
        if (lead.HasKnownAction && lead.ActorId is { } actor)
        {
            var sameAct = members.Where(m => m.HasKnownAction && m.Action == lead.Action && m.ActorId is not null).ToList();
            if (lead.TargetId is { } target && sameAct.Any(m => m.ActorId == target && m.TargetId == actor))
            {
                return $"roles reversed: {Named(actor)} {lead.Action} {Named(target)}, where the story has {Named(target)} {lead.Action} {Named(actor)}";
            }
            var doers = sameAct.Select(m => m.ActorId!).Distinct().ToList();
            // An outlet may lead with another participant of the same event: a doer the other side also names does not veto.
            if (doers.Count > 0 && !doers.Contains(actor) && !story.EntityWeights.ContainsKey(actor) && !doers.Any(_article.Entities.ContainsKey))
            {
                return $"{lead.Action} by {Named(actor)}, where the story's is by {string.Join("/", doers.Select(Named))}";
            }
        }
        // One doer doing another thing is another event (a group that suspends attacks, then resumes
        // them). Across doers the actor rule above decides: lead actions are read from a sentence or two
        // and are too often approximate to split reports of one event on their own.
        if (lead.HasKnownAction && lead.ActorId is { } doer)
        {
            var storyActions = members.Where(m => m.HasKnownAction && m.ActorId == doer).Select(m => m.Action).Distinct().ToList();
            if (storyActions.Count > 0 && !storyActions.Contains(lead.Action))
            {
                return $"{Named(doer)}'s action {lead.Action} differs from its {string.Join("/", storyActions)} in the story";
            }
        }
        if (OtherPerson(story) is { } other)
        {
            return other;
        }
        if (ConflictingSubjects(story) is { } conflict)
        {
            return conflict;
        }
        // Dates tell apart events of one kind (the same doer, or the same act): a lead event of another kind is as often
        // the background an article recalls (last week's game, the strike a statement answers) as another event.
        if (lead.Date is { } date)
        {
            var gaps = members.Where(m => m.Date is not null && SameKind(lead, m)).Select(m => Math.Abs(m.Date!.Value.DayNumber - date.DayNumber)).ToList();
            if (gaps.Count > 0 && gaps.Min() > _options.MaxLeadDateGapDays)
            {
                return string.Create(CultureInfo.InvariantCulture, $"lead-event dates {gaps.Min()} days apart");
            }
        }
        return null;
    }

    /// <summary>
    /// The same act befalling another person is another event: two players of one team arrested weeks apart,
    /// two hostages freed. It vetoes only when the story names the article's person less than half as much as
    /// its own, and the article names the story's only in the background, as rewrites of one arrest all centre
    /// on the one arrested. Relative weights, not a fixed bar, so that a story begun by the report that recalls
    /// the earlier arrest still tells the two apart.
    /// </summary>
    private string? OtherPerson(StoryProfile story)
    {
        var lead = _article.Lead;
        if (!_article.TargetIsPerson || !PersonActs.Contains(lead.Action) || lead.TargetId is not { } person)
        {
            return null;
        }
        var sameAct = story.Members.Where(m => m.Action == lead.Action && m.TargetId is not null).ToList();
        var others = sameAct.Select(m => m.TargetId!).Where(t => t != person).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (others.Count == 0 || sameAct.Any(m => m.TargetId == person)
            || story.EntityWeights.GetValueOrDefault(person) * 2 >= others.Max(o => story.EntityWeights.GetValueOrDefault(o))
            || others.Any(o => _article.EntityWeights.GetValueOrDefault(o) >= ArticleSubject))
        {
            return null;
        }
        // Names are compared by their words: "Peterson" is not another person than the story's "Scott Peterson".
        var name = _article.Entities.GetValueOrDefault(person, person);
        var names = others.Select(o => story.EntityNames.GetValueOrDefault(o, o)).ToList();
        return NameWords([name]).Overlaps(NameWords(names)) ? null : $"{lead.Action} of {name}, where the story's is of {string.Join("/", names)}";
    }

    /// <summary>
    /// Look-alike events of one topic share their background (the champion, the team, the company) and differ in a
    /// subject: the opponent, the player arrested, the province the quake hit, the actor cast. When the article is centred
    /// on an entity the story hardly names, and the story on one of the same kind (a person against a person, a place
    /// against a place) that the article does not name, they report different events, however much else they share.
    /// Names are compared by their words, so "Palin" is not new to a story of "Sarah Palin"; a subject on one side alone is
    /// no conflict, since rewrites of one event often lead with different people, and neither is one of another kind: a
    /// report centred on the bout's knockout is not set against the country the story's bout was fought in.
    /// </summary>
    private string? ConflictingSubjects(StoryProfile story)
    {
        var members = Math.Max(1, story.Members.Count);
        var storyWords = NameWords(story.EntityWeights.Where(e => e.Value / members >= StoryBackground).Select(e => story.EntityNames.GetValueOrDefault(e.Key, e.Key)));
        var ours = _articleSubjects
            .Where(s => story.EntityWeights.GetValueOrDefault(s.Id) / members < StoryBackground && !s.Words.Overlaps(storyWords))
            .ToList();
        if (ours.Count == 0)
        {
            return null;
        }
        return story.EntityWeights
            .Where(e => e.Value / members >= StorySubject && !_article.Entities.ContainsKey(e.Key))
            .Select(e => (Id: e.Key, Name: story.EntityNames.GetValueOrDefault(e.Key, e.Key)))
            .Where(theirs => !NameWords([theirs.Name]).Overlaps(_articleWords))
            .SelectMany(theirs => ours
                .Where(s => SameKind(_article.EntityTypes.GetValueOrDefault(s.Id), story.EntityTypes.GetValueOrDefault(theirs.Id)))
                .Select(s => (Ours: s.Name, Theirs: theirs.Name)))
            .OrderBy(pair => pair.Ours, StringComparer.Ordinal)
            .ThenBy(pair => pair.Theirs, StringComparer.Ordinal)
            .Select(pair => $"conflicting subjects: {pair.Ours} here, {pair.Theirs} in the story")
            .FirstOrDefault();
    }

    /// <summary>Whether two entities can be told apart as alternatives: of one type, or either of a type not known (stored before types were).</summary>
    private static bool SameKind(EntityType one, EntityType other) =>
        one == other || one == EntityType.Unspecified || other == EntityType.Unspecified;

    /// <summary>The words of names, in lower case, without those that join names rather than tell them apart.</summary>
    private static HashSet<string> NameWords(IEnumerable<string> names) =>
        names.SelectMany(n => n.ToLowerInvariant().Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries))
            .Where(word => word.Length > 2 && word is not ("the" or "and" or "for"))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Share of actor, action, target and date that agree with one member's lead event. The act and the day count only
    /// beside a party in common: an airline suspending flights and a militia suspending attacks two days apart share
    /// an act and a week, not an event.
    /// </summary>
    private double LeadAgreement(MemberLead member)
    {
        var lead = _article.Lead;
        var parties = 0;
        if (lead.ActorId is not null && string.Equals(lead.ActorId, member.ActorId, StringComparison.Ordinal))
        {
            parties++;
        }
        if (lead.TargetId is not null && string.Equals(lead.TargetId, member.TargetId, StringComparison.Ordinal))
        {
            parties++;
        }
        if (parties == 0)
        {
            return 0;
        }
        var agreeing = parties;
        if (lead.HasKnownAction && lead.Action == member.Action)
        {
            agreeing++;
        }
        if (lead.Date is { } date && member.Date is { } memberDate && Math.Abs(date.DayNumber - memberDate.DayNumber) <= _options.MaxLeadDateGapDays)
        {
            agreeing++;
        }
        return agreeing / 4.0;
    }

    private (double Score, List<string> Shared) TextCosine(StoryProfile story)
    {
        // The story's weights are read in place: a story holds up to a thousand terms and is scored at most articles.
        var storyNorm = 0.0;
        foreach (var (term, weight) in story.TermWeights)
        {
            var storyWeight = weight * TermIdf(term);
            storyNorm += storyWeight * storyWeight;
        }
        var dot = 0.0;
        var shared = new List<(string Term, double Product)>();
        foreach (var (term, weight) in _articleVector)
        {
            if (story.TermWeights.TryGetValue(term, out var storyTermWeight))
            {
                var product = weight * (storyTermWeight * TermIdf(term));
                dot += product;
                shared.Add((term, product));
            }
        }
        var names = shared.OrderByDescending(s => s.Product).ThenBy(s => s.Term, StringComparer.Ordinal).Take(8).Select(s => s.Term).ToList();
        return (_articleNorm == 0 || storyNorm == 0 ? 0 : dot / (_articleNorm * Math.Sqrt(storyNorm)), names);
    }

    private double Cosine(Dictionary<string, double> other)
    {
        var otherNorm = Norm(other.Values);
        if (_articleNorm == 0 || otherNorm == 0)
        {
            return 0;
        }
        var dot = 0.0;
        foreach (var (term, weight) in _articleVector)
        {
            if (other.TryGetValue(term, out var otherWeight))
            {
                dot += weight * otherWeight;
            }
        }
        return dot / (_articleNorm * otherNorm);
    }

    /// <summary>
    /// Cosine between the article's entities and the story's, each weighted by its centrality (mentions, with
    /// the title and opening counting more) and by its inverse story frequency: two reports of one event share
    /// their subjects, while look-alike events share only background.
    /// </summary>
    private (double Score, List<string> Shared) EntityCosine(StoryProfile story)
    {
        double dot = 0, articleNorm = 0, storyNorm = 0;
        var shared = new List<(string Name, double Weight)>();
        foreach (var (id, centrality) in _article.EntityWeights)
        {
            var idf = EntityIdf(id);
            var weight = centrality * idf;
            articleNorm += weight * weight;
            if (story.EntityWeights.TryGetValue(id, out var storyCentrality))
            {
                var storyWeight = storyCentrality * idf;
                dot += weight * storyWeight;
                shared.Add((_article.Entities[id], weight * storyWeight));
            }
        }
        foreach (var (id, storyCentrality) in story.EntityWeights)
        {
            var storyWeight = storyCentrality * EntityIdf(id);
            storyNorm += storyWeight * storyWeight;
        }
        var names = shared.OrderByDescending(s => s.Weight).ThenBy(s => s.Name, StringComparer.Ordinal).Take(12).Select(s => s.Name).ToList();
        return (articleNorm == 0 || storyNorm == 0 ? 0 : dot / Math.Sqrt(articleNorm * storyNorm), names);
    }

    private static double Norm(IEnumerable<double> values) => Math.Sqrt(values.Sum(v => v * v));

    private static double Round(double value) => Math.Round(value, 4);
}
