using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;

namespace Newsroom.Dedup.Tests;

/// <summary>Hand-made extracted articles: entities are found by their names in the text, as an extractor would.</summary>
internal static class SyntheticArticles
{
    public static readonly DateTimeOffset Ingested = new(2024, 1, 31, 12, 0, 0, TimeSpan.Zero);

    public static ArticleExtracted Create(
        string id,
        string title,
        string text,
        ArticleLeadEvent? lead = null,
        DateTimeOffset? published = null,
        params (string Name, string Id)[] entities)
    {
        var mentions = new List<EntityMention>();
        foreach (var (name, entityId) in entities)
        {
            var start = text.IndexOf(name, StringComparison.Ordinal);
            mentions.Add(new EntityMention(name, EntityType.Organization, Math.Max(0, start), Math.Max(0, start) + name.Length, entityId, name));
        }
        return new ArticleExtracted
        {
            Article = new ArticleIngested
            {
                ArticleId = id,
                Url = $"https://example.org/{id}",
                Source = "Example",
                Title = title,
                Text = text,
                Published = published,
                ContentHash = id,
                IngestedAt = Ingested,
            },
            Entities = mentions,
            Dates = [],
            LeadEvent = lead,
            ExtractedAt = Ingested,
        };
    }

    public static ArticleLeadEvent Lead(string actorId, EventAction action, string targetId, DateOnly? date) =>
        new(actorId, actorId, action, action.ToString().ToLowerInvariant(), targetId, targetId, date);
}
