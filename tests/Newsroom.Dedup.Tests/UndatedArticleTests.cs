using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup.Tests;

/// <summary>
/// An article that gives no date has no event time: it is never given the processing clock, so the
/// candidate window cannot keep it from the dated reports of its event, however late it is processed.
/// </summary>
public sealed class UndatedArticleTests
{
    private static readonly DateTimeOffset ProcessedLater = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_undated_rewrite_processed_years_later_joins_the_dated_story_of_its_event()
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var clusterer = new StoryClusterer(store);
        var original = clusterer.Assign(KataibStories.WireOriginal(), SyntheticArticles.Ingested);

        var rewrite = clusterer.Assign(Undated(KataibStories.Rewrite()), ProcessedLater);

        Assert.Equal(JoinReason.Types.Kind.SameEvent, rewrite.JoinKind);
        Assert.Equal(original.StoryId, rewrite.StoryId);
    }

    [Fact]
    public void A_dated_report_joins_a_story_that_has_only_undated_members()
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var clusterer = new StoryClusterer(store);
        var undated = clusterer.Assign(Undated(KataibStories.Rewrite()), ProcessedLater);

        var dated = clusterer.Assign(KataibStories.WireOriginal(), ProcessedLater.AddDays(400));

        Assert.Equal(undated.StoryId, dated.StoryId);
    }

    [Fact]
    public void Without_a_time_on_both_sides_the_content_must_clear_the_threshold_plus_the_undated_margin()
    {
        var options = new StoryClustererOptions { SameEventThreshold = 0.01, UndatedMargin = 1.0 };
        using var undatedStore = new StoryStore(SqliteDatabase.InMemory());
        using var datedStore = new StoryStore(SqliteDatabase.InMemory());
        var withUndated = new StoryClusterer(undatedStore, options);
        var withDated = new StoryClusterer(datedStore, options);

        var undatedOriginal = withUndated.Assign(KataibStories.WireOriginal(), SyntheticArticles.Ingested);
        var undated = withUndated.Assign(Undated(KataibStories.Rewrite()), ProcessedLater);
        var datedOriginal = withDated.Assign(KataibStories.WireOriginal(), SyntheticArticles.Ingested);
        var dated = withDated.Assign(KataibStories.Rewrite(), ProcessedLater);

        Assert.NotEqual(undatedOriginal.StoryId, undated.StoryId);
        Assert.Equal(datedOriginal.StoryId, dated.StoryId);
    }

    [Fact]
    public void Dated_reports_far_apart_still_fall_outside_each_others_window()
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var clusterer = new StoryClusterer(store);
        var january = clusterer.Assign(WithoutLeadDate(KataibStories.WireOriginal()), SyntheticArticles.Ingested);

        var rewrite = WithoutLeadDate(KataibStories.Rewrite());
        var june = clusterer.Assign(rewrite with { Article = rewrite.Article with { Published = SyntheticArticles.Ingested.AddDays(150) } }, SyntheticArticles.Ingested);

        Assert.NotEqual(january.StoryId, june.StoryId);
    }

    [Fact]
    public void A_store_of_schema_zero_is_migrated_and_keeps_its_stories_and_copies()
    {
        using var storeFile = new StoreFile("dedup-v0");
        var path = storeFile.Path;
        StoryUpdated original;
        using (var store = new StoryStore(SqliteDatabase.File(path)))
        {
            original = new StoryClusterer(store).Assign(KataibStories.WireOriginal(), SyntheticArticles.Ingested);
        }

        storeFile.Execute(SchemaZero);

        using var reopened = new StoryStore(SqliteDatabase.File(path));
        var clusterer = new StoryClusterer(reopened);
        var redelivered = clusterer.Assign(KataibStories.WireOriginal(), ProcessedLater);
        var copy = clusterer.Assign(KataibStories.WireCopy(), ProcessedLater);
        var rewrite = clusterer.Assign(Undated(KataibStories.Rewrite()), ProcessedLater);

        Assert.Equal((original.StoryId, original.Version), (redelivered.StoryId, redelivered.Version));
        // The copy is found through the original's signature, computed again in the current shape.
        Assert.Equal((original.StoryId, 2L, JoinReason.Types.Kind.NearDuplicate), (copy.StoryId, copy.Version, copy.JoinKind));
        Assert.Equal((original.StoryId, 3L, JoinReason.Types.Kind.SameEvent), (rewrite.StoryId, rewrite.Version, rewrite.JoinKind));
    }

    private static ArticleExtracted Undated(ArticleExtracted article) =>
        WithoutLeadDate(article) with { Article = article.Article with { Published = null, IngestedAt = ProcessedLater } };

    private static ArticleExtracted WithoutLeadDate(ArticleExtracted article) =>
        article with { LeadEvent = article.LeadEvent! with { Date = null } };

    /// <summary>
    /// Rewrites the tables as the store before schema version 1 kept them: stories ordered by last_time, no
    /// entity centrality, LSH bands in a table, 128 four-byte MinHash values a signature, and terms counted in articles.
    /// </summary>
    private const string SchemaZero =
        """
        ALTER TABLE dedup_stories DROP COLUMN active;
        ALTER TABLE dedup_story_entities DROP COLUMN weight;
        ALTER TABLE dedup_story_entities RENAME COLUMN active TO last_time;
        UPDATE dedup_story_entities SET last_time = (SELECT last_time FROM dedup_stories s WHERE s.story_id = dedup_story_entities.story_id);
        DROP INDEX ix_dedup_story_entities_active;
        CREATE INDEX ix_dedup_story_entities_recent ON dedup_story_entities (entity_id, last_time);
        CREATE TABLE dedup_lsh (band_key INTEGER NOT NULL, article_id TEXT NOT NULL);
        UPDATE dedup_articles SET minhash = zeroblob(512);
        DROP TABLE dedup_term_stories;
        CREATE TABLE dedup_term_stats (term TEXT PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO dedup_term_stats (term, articles) SELECT DISTINCT term, 1 FROM dedup_story_terms;
        DROP INDEX ix_dedup_articles_merged_by;
        ALTER TABLE dedup_articles DROP COLUMN merged_by;
        ALTER TABLE dedup_articles DROP COLUMN lead_weekday;
        ALTER TABLE dedup_story_entities DROP COLUMN type;
        PRAGMA user_version = 0;
        """;
}
