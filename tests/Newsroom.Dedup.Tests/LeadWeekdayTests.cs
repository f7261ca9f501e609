using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup.Tests;

/// <summary>
/// Undated reports still name the day of the week of their event. Without dates on both sides, a report whose opening
/// names a day more than a day from every day its candidate story's members name must clear a higher bar.
/// </summary>
public sealed class LeadWeekdayTests
{
    /// <summary>Any content clears the plain undated bar and none the bar of a conflicting day, so the day alone decides.</summary>
    private static readonly StoryClustererOptions DayDecides = new() { SameEventThreshold = 0.01, UndatedMargin = 0, WeekdayConflictMargin = 1.0 };

    [Theory]
    [InlineData(DayOfWeek.Friday)]
    [InlineData(DayOfWeek.Saturday)]
    [InlineData(DayOfWeek.Thursday)]
    public void An_undated_rewrite_that_names_the_stories_day_or_the_next_joins(DayOfWeek day)
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var clusterer = new StoryClusterer(store, DayDecides);
        var original = clusterer.Assign(Undated(KataibStories.WireOriginal(), DayOfWeek.Friday), SyntheticArticles.Ingested);

        var rewrite = clusterer.Assign(Undated(KataibStories.Rewrite(), day), SyntheticArticles.Ingested);

        Assert.Equal((original.StoryId, JoinReason.Types.Kind.SameEvent), (rewrite.StoryId, rewrite.JoinKind));
    }

    [Fact]
    public void An_undated_report_of_another_day_starts_its_own_story_and_says_why()
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var clusterer = new StoryClusterer(store, DayDecides);
        var original = clusterer.Assign(Undated(KataibStories.WireOriginal(), DayOfWeek.Friday), SyntheticArticles.Ingested);

        var monday = clusterer.Assign(Undated(KataibStories.Rewrite(), DayOfWeek.Monday), SyntheticArticles.Ingested);

        Assert.NotEqual(original.StoryId, monday.StoryId);
        var nearest = Assert.Single(monday.Features);
        Assert.Contains("on a Monday where the story's members name Friday", nearest.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_or_story_without_a_day_is_judged_as_before()
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var clusterer = new StoryClusterer(store, DayDecides);
        var original = clusterer.Assign(Undated(KataibStories.WireOriginal(), null), SyntheticArticles.Ingested);

        var monday = clusterer.Assign(Undated(KataibStories.Rewrite(), DayOfWeek.Monday), SyntheticArticles.Ingested);

        Assert.Equal(original.StoryId, monday.StoryId);
    }

    [Theory]
    [InlineData(DayOfWeek.Wednesday, true)]
    [InlineData(DayOfWeek.Friday, false)]
    public void A_dated_member_whose_opening_names_no_day_is_of_its_lead_event_day(DayOfWeek day, bool joins)
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var clusterer = new StoryClusterer(store, DayDecides);
        // The wire's lead event is dated Tuesday, January 30, 2024.
        var original = clusterer.Assign(KataibStories.WireOriginal() with { LeadWeekday = null }, SyntheticArticles.Ingested);

        var rewrite = clusterer.Assign(Undated(KataibStories.Rewrite(), day), SyntheticArticles.Ingested);

        Assert.Equal(joins, original.StoryId == rewrite.StoryId);
    }

    [Fact]
    public void Dates_on_both_sides_decide_instead_of_the_day()
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var clusterer = new StoryClusterer(store, DayDecides);
        var original = clusterer.Assign(KataibStories.WireOriginal() with { LeadWeekday = DayOfWeek.Friday }, SyntheticArticles.Ingested);

        var rewrite = clusterer.Assign(KataibStories.Rewrite() with { LeadWeekday = DayOfWeek.Monday }, SyntheticArticles.Ingested);

        Assert.Equal(original.StoryId, rewrite.StoryId);
    }

    [Fact]
    public void The_day_is_kept_with_the_member_and_read_back_after_a_restart()
    {
        using var storeFile = new StoreFile("dedup-weekday");
        var path = storeFile.Path;
        StoryUpdated original;
        using (var store = new StoryStore(SqliteDatabase.File(path)))
        {
            original = new StoryClusterer(store, DayDecides).Assign(Undated(KataibStories.WireOriginal(), DayOfWeek.Friday), SyntheticArticles.Ingested);
        }

        using var reopened = new StoryStore(SqliteDatabase.File(path));
        var monday = new StoryClusterer(reopened, DayDecides).Assign(Undated(KataibStories.Rewrite(), DayOfWeek.Monday), SyntheticArticles.Ingested);

        Assert.NotEqual(original.StoryId, monday.StoryId);
    }

    [Fact]
    public void A_store_of_schema_two_is_migrated_and_its_members_name_no_day()
    {
        using var storeFile = new StoreFile("dedup-v2");
        var path = storeFile.Path;
        StoryUpdated original;
        using (var store = new StoryStore(SqliteDatabase.File(path)))
        {
            original = new StoryClusterer(store, DayDecides).Assign(Undated(KataibStories.WireOriginal(), DayOfWeek.Friday), SyntheticArticles.Ingested);
        }
        storeFile.Execute(SchemaTwo);

        using (var reopened = new StoryStore(SqliteDatabase.File(path)))
        {
            var monday = new StoryClusterer(reopened, DayDecides).Assign(Undated(KataibStories.Rewrite(), DayOfWeek.Monday), SyntheticArticles.Ingested);

            // The old member names no day, so Monday's report joins it.
            Assert.Equal(original.StoryId, monday.StoryId);
        }

        Assert.Equal([null, (long)DayOfWeek.Monday], storeFile.Column("SELECT lead_weekday FROM dedup_articles ORDER BY version"));
    }

    private static ArticleExtracted Undated(ArticleExtracted article, DayOfWeek? day) =>
        article with
        {
            Article = article.Article with { Published = null },
            LeadEvent = article.LeadEvent! with { Date = null },
            LeadWeekday = day,
        };

    /// <summary>The articles as a store of schema version 2 kept them: without the day of the week, nor entity types.</summary>
    private const string SchemaTwo = "DROP INDEX ix_dedup_articles_merged_by; ALTER TABLE dedup_articles DROP COLUMN merged_by; ALTER TABLE dedup_articles DROP COLUMN lead_weekday; ALTER TABLE dedup_story_entities DROP COLUMN type; PRAGMA user_version = 2;";
}
