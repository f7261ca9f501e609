using System.Text.Json;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Xunit;

namespace Newsroom.Contracts.Tests;

/// <summary>Bus events cross process boundaries as JSON (MassTransit's System.Text.Json serializer) and must come back whole.</summary>
public sealed class BusEventSerializationTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static readonly ArticleIngested Ingested = new()
    {
        ArticleId = "a1",
        Url = "https://example.org/kh-suspends",
        Source = "Example Wire",
        Title = "Group suspends attacks",
        Text = "BAGHDAD (Wire) — Kataib Hezbollah said on Tuesday it would suspend attacks.",
        Published = new DateTimeOffset(2024, 1, 30, 18, 5, 0, TimeSpan.Zero),
        Dateline = "BAGHDAD",
        ContentHash = "sha256:00ff",
        IngestedAt = new DateTimeOffset(2024, 1, 30, 18, 6, 0, TimeSpan.Zero),
    };

    [Fact]
    public void A_story_update_round_trips_with_its_article_entities_and_reasons()
    {
        var extracted = new ArticleExtracted
        {
            Article = Ingested,
            Entities = [new EntityMention("Kataib Hezbollah", EntityType.Organization, 25, 41, "e-kh", "Kataib Hezbollah")],
            Dates = [new DateMention("Tuesday", 50, 57, new DateOnly(2024, 1, 30))],
            LeadEvent = new ArticleLeadEvent("Kataib Hezbollah", "e-kh", EventAction.Suspend, "suspend", "attacks", null, new DateOnly(2024, 1, 30)),
            LeadWeekday = DayOfWeek.Tuesday,
            ExtractedAt = Ingested.IngestedAt.AddSeconds(1),
        };
        var updated = new StoryUpdated
        {
            StoryId = "s1",
            Version = 2,
            Article = extracted,
            JoinKind = JoinReason.Types.Kind.SameEvent,
            MatchedArticleId = "a0",
            Score = 0.83,
            Features = [new StoryMatchFeature("canonical_entities", 0.9, "Kataib Hezbollah")],
            UpdatedAt = Ingested.IngestedAt.AddSeconds(2),
        };

        var copy = JsonSerializer.Deserialize<StoryUpdated>(JsonSerializer.Serialize(updated, Options), Options)!;

        Assert.Equal(updated with { Article = copy.Article, Features = copy.Features }, copy);
        Assert.Equal(extracted with { Entities = copy.Article.Entities, Dates = copy.Article.Dates }, copy.Article);
        Assert.Equal(extracted.Entities, copy.Article.Entities);
        Assert.Equal(extracted.Dates, copy.Article.Dates);
        Assert.Equal(updated.Features, copy.Features);
    }

    [Fact]
    public void An_event_missing_a_required_field_is_refused_not_half_read()
    {
        var json = JsonSerializer.Serialize(Ingested, Options).Replace("\"articleId\":\"a1\",", "", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ArticleIngested>(json, Options));
    }
}
