using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;

namespace Newsroom.Query.Tests;

/// <summary>Synthetic pipeline events for the read model; times count from <see cref="Start"/>.</summary>
internal static class StoryEvents
{
    public static readonly DateTimeOffset Start = new(2024, 1, 28, 12, 0, 0, TimeSpan.Zero);

    public static ArticleIngested Article(string id, string title, string text, string source = "Reuters", DateTimeOffset? published = null) => new()
    {
        ArticleId = id,
        Url = $"https://news.example/{id}",
        Source = source,
        Title = title,
        Text = text,
        Published = published ?? Start,
        ContentHash = $"hash-{id}",
        IngestedAt = (published ?? Start).AddMinutes(1),
    };

    public static EntityMention Mention(string text, string canonicalId, string canonicalName, EntityType type = EntityType.Organization) =>
        new(text, type, 0, text.Length, canonicalId, canonicalName);

    public static ArticleLeadEvent Lead(string actor, string? actorId, EventAction action, string actionText, string? target = null, string? targetId = null, DateOnly? date = null) =>
        new(actor, actorId, action, actionText, target, targetId, date);

    public static ArticleExtracted Extracted(ArticleIngested article, ArticleLeadEvent? lead = null, params EntityMention[] entities) => new()
    {
        Article = article,
        Entities = entities,
        Dates = [],
        LeadEvent = lead,
        ExtractedAt = article.IngestedAt.AddMinutes(1),
    };

    /// <summary>The update that places <paramref name="article"/>; version 1 opens the story.</summary>
    public static StoryUpdated Update(string storyId, long version, ArticleExtracted article, DateTimeOffset? updatedAt = null, string? matched = null) => new()
    {
        StoryId = storyId,
        Version = version,
        Article = article,
        JoinKind = matched is null ? JoinReason.Types.Kind.FirstArticle : JoinReason.Types.Kind.SameEvent,
        MatchedArticleId = matched,
        Score = matched is null ? 1.0 : 0.8,
        Features = matched is null ? [] : [new StoryMatchFeature("canonical_entities", 0.9, "shared entities")],
        UpdatedAt = updatedAt ?? Start.AddMinutes(10 * version),
    };

    /// <summary>A one-article story in one call.</summary>
    public static StoryUpdated Story(string storyId, string articleId, string title, string text, string source = "Reuters",
        DateTimeOffset? published = null, ArticleLeadEvent? lead = null, params EntityMention[] entities) =>
        Update(storyId, 1, Extracted(Article(articleId, title, text, source, published), lead, entities), (published ?? Start).AddMinutes(5));
}
