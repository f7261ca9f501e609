using System.Globalization;
using System.Text.Json;
using Newsroom.Contracts.Events;
using Newsroom.Extraction;
using Newsroom.Ingest;
using Newsroom.ServiceDefaults;
using Newsroom.Testing.Database;
using Npgsql;

namespace Newsroom.Dedup.Tests;

/// <summary>
/// Dedup's state in PostgreSQL, where replicas on several hosts share it: the same articles give exactly the
/// decisions SQLite gives, a replica that takes over continues from what the other wrote, and a lost connection
/// costs one failed attempt.
/// </summary>
public sealed class PostgresStoryStoreTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>
{
    [PostgresFact]
    public async Task PostgreSQL_makes_the_decisions_SQLite_makes_through_joins_new_stories_and_pruned_profiles()
    {
        var articles = Reports(420).ToList();
        using var database = new PostgresDatabase(await CreateDatabaseAsync("same-decisions"));
        using var store = new StoryStore(database);

        var decisions = Decide(new StoryClusterer(store), articles);

        AssertSameDecisions(DecisionsOnSqlite(articles), decisions);
        Assert.Equal(StoryStore.MaxStoryEntities, store.LoadStory(decisions[0].Update.StoryId, 12).EntityWeights.Count);
    }

    [PostgresFact(needsCorpus: true)]
    public async Task ECB_plus_dev_gives_the_same_stories_on_PostgreSQL_as_on_SQLite()
    {
        var cleaner = new ArticleCleaner();
        var extractor = new ArticleExtractor();
        var ingestedAt = new DateTimeOffset(2024, 5, 10, 8, 0, 0, TimeSpan.Zero);
        var articles = File.ReadLines(CorpusFactAttribute.Require(Path.Combine("ecbplus", "dev.jsonl")))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(article => cleaner.Clean(
                new RawArticle { ClientRef = article.GetProperty("doc_id").GetString()!, Title = article.GetProperty("title").GetString(), Text = article.GetProperty("text").GetString()! },
                "art_" + article.GetProperty("doc_id").GetString(),
                ingestedAt))
            .Select(ingested => extractor.Extract(ingested, ingestedAt))
            .ToList();
        using var database = new PostgresDatabase(await CreateDatabaseAsync("ecbplus"));

        var decisions = Decide(new StoryClusterer(new StoryStore(database)), articles);

        AssertSameDecisions(DecisionsOnSqlite(articles), decisions);
        // Merges of stories happen on ECB+ dev, so PostgreSQL's merges are checked against SQLite's too.
        Assert.Contains(decisions, d => d.Moved.Count > 0);
    }

    /// <summary>
    /// Two dedup processes on one database take turns, as an active replica and its standby do when the active
    /// one loses its connection to the broker and later gets the queue back. Each must see what the other wrote,
    /// copies of the other's articles included, or its decisions would differ from one process deciding alone.
    /// </summary>
    [PostgresFact]
    public async Task A_replica_that_takes_over_continues_from_what_the_other_wrote()
    {
        var reports = Reports(300).ToList();
        // Wire copies of articles the other replica decided, under ids of their own.
        var articles = reports
            .Concat(reports.Skip(100).Take(100).Where((_, i) => i % 10 == 0).Select(Copy))
            .Concat(reports.Take(100).Where((_, i) => i % 10 == 0).Select(Copy))
            .ToList();
        var connection = await CreateDatabaseAsync("takeover");
        using var databaseA = new PostgresDatabase(connection);
        using var databaseB = new PostgresDatabase(connection);
        var replicaA = new StoryClusterer(new StoryStore(databaseA));
        var replicaB = new StoryClusterer(new StoryStore(databaseB));

        var decisions = new List<PendingStoryUpdate>();
        for (var block = 0; block * 50 < articles.Count; block++)
        {
            decisions.AddRange(Decide(block % 2 == 0 ? replicaA : replicaB, articles.Skip(block * 50).Take(50)));
        }

        AssertSameDecisions(DecisionsOnSqlite(articles), decisions);
        Assert.Equal(20, decisions.Count(d => d.Update.JoinKind == Contracts.V1.JoinReason.Types.Kind.NearDuplicate && d.Update.Article.Article.ArticleId.EndsWith("_copy", StringComparison.Ordinal)));
    }

    [PostgresFact]
    public async Task A_lost_connection_fails_one_attempt_and_the_retry_decides_as_if_nothing_happened()
    {
        var articles = Reports(60).ToList();
        var connection = await CreateDatabaseAsync("lost-connection");
        using var database = new PostgresDatabase(connection);
        var clusterer = new StoryClusterer(new StoryStore(database));

        var decisions = Decide(clusterer, articles.Take(30));
        await server.DropConnectionsAsync(connection);
        Assert.ThrowsAny<NpgsqlException>(() => clusterer.Assign(articles[30], SyntheticArticles.Ingested));
        decisions.AddRange(Decide(clusterer, articles.Skip(30)));

        AssertSameDecisions(DecisionsOnSqlite(articles), decisions);
    }

    [PostgresFact]
    public async Task A_commit_that_fails_fails_every_decision_in_it_and_their_retries_decide_as_if_nothing_happened()
    {
        var articles = Reports(60).ToList();
        var connection = await CreateDatabaseAsync("lost-commit");
        using var database = new PostgresDatabase(connection);
        var clusterer = new StoryClusterer(new StoryStore(database));

        var decisions = Decide(clusterer, articles.Take(30));
        var group = articles.Skip(30).Take(10).Select(article => clusterer.Decide(article, SyntheticArticles.Ingested)).ToList();
        await server.DropConnectionsAsync(connection);
        Assert.ThrowsAny<NpgsqlException>(() => clusterer.Commit());

        Assert.All(group, pending => Assert.True(pending.Committed.IsFaulted, "a decision of the failed commit did not fail"));
        Assert.Equal(0, clusterer.Uncommitted);
        decisions.AddRange(Decide(clusterer, articles.Skip(30)));
        AssertSameDecisions(DecisionsOnSqlite(articles), decisions);
    }

    /// <summary>
    /// A database that dedup of an earlier release wrote counted each term's articles, kept no member's day of the week,
    /// and its save function took fewer parameters and returned fewer results: the next start counts term stories from
    /// the story profiles, adds the column and replaces the function.
    /// </summary>
    [PostgresFact]
    public async Task A_database_that_counted_term_articles_continues_with_story_counts()
    {
        var articles = Reports(80).ToList();
        var connection = await CreateDatabaseAsync("term-stories");
        using (var database = new PostgresDatabase(connection))
        {
            Decide(new StoryClusterer(new StoryStore(database)), articles.Take(50));
        }
        await using (var downgrade = new NpgsqlConnection(connection))
        {
            await downgrade.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                DROP TABLE dedup_term_stories;
                CREATE TABLE dedup_term_stats (term text COLLATE "C" PRIMARY KEY, articles bigint NOT NULL);
                INSERT INTO dedup_term_stats (term, articles) SELECT DISTINCT term, 7 FROM dedup_story_terms;
                ALTER TABLE dedup_articles DROP COLUMN merged_by;
                ALTER TABLE dedup_articles DROP COLUMN lead_weekday;
                ALTER TABLE dedup_story_entities DROP COLUMN type;
                DROP FUNCTION dedup_save(text, text, boolean, integer, text, double precision, text, text, text, bigint, text,
                  integer, text, integer, integer, text, text, bytea, text, text, bigint, integer, integer);
                CREATE FUNCTION dedup_save(text, text, boolean, integer, text, double precision, text, text, text, bigint, text,
                  integer, text, integer, text, text, bytea, text, text, bigint, integer, integer,
                  OUT o_version bigint, OUT o_active bigint, OUT o_added text[], OUT o_dropped text[])
                LANGUAGE sql AS 'SELECT 0::bigint, 0::bigint, ''{}''::text[], ''{}''::text[]';
                """,
                downgrade);
            await command.ExecuteNonQueryAsync();
        }

        using var reopened = new PostgresDatabase(connection);
        var decisions = Decide(new StoryClusterer(new StoryStore(reopened)), articles.Skip(50));

        AssertSameDecisions(DecisionsOnSqlite(articles).Skip(50).ToList(), decisions);
    }

    private async Task<string> CreateDatabaseAsync(string purpose)
    {
        Assert.True(server.Unavailable is null, server.Unavailable);
        return await server.CreateDatabaseAsync(purpose);
    }

    private static IEnumerable<ArticleExtracted> Reports(int count)
    {
        var random = new Random(11);
        return Enumerable.Range(0, count).Select(number => StoryStoreCacheTests.Report(number, random));
    }

    private static ArticleExtracted Copy(ArticleExtracted original) =>
        original with { Article = original.Article with { ArticleId = original.Article.ArticleId + "_copy", ContentHash = original.Article.ContentHash + "_copy" } };

    private static List<PendingStoryUpdate> DecisionsOnSqlite(IEnumerable<ArticleExtracted> articles)
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        return Decide(new StoryClusterer(store), articles);
    }

    /// <summary>Each article's decision with the members a merge it brought about moved, committed one by one.</summary>
    private static List<PendingStoryUpdate> Decide(StoryClusterer clusterer, IEnumerable<ArticleExtracted> articles) =>
        articles.Select(article =>
        {
            var decision = clusterer.Decide(article, SyntheticArticles.Ingested);
            clusterer.Commit();
            return decision;
        }).ToList();

    private static void AssertSameDecisions(List<PendingStoryUpdate> expected, List<PendingStoryUpdate> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            StoryClustererTests.AssertSameUpdate(expected[i].Update, actual[i].Update);
            Assert.Equal(expected[i].Moved.Count, actual[i].Moved.Count);
            foreach (var (moved, actualMoved) in expected[i].Moved.Zip(actual[i].Moved))
            {
                StoryClustererTests.AssertSameUpdate(moved, actualMoved);
            }
        }
        var stories = expected.Select(d => d.Update.StoryId).Distinct().Count();
        Assert.True(stories > 2, string.Create(CultureInfo.InvariantCulture, $"only {stories} stories: the stream tests too little"));
    }
}
