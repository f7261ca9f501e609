using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;
using Xunit;
using static Newsroom.Query.Tests.StoryEvents;

namespace Newsroom.Query.Tests;

public sealed class SqliteQueryStoreIndexingTests() : QueryStoreIndexingTests(new SqliteQueryStores())
{
    [Fact]
    public async Task An_index_from_before_tracing_gains_trace_ids_and_keeps_its_statuses()
    {
        var database = SqliteDatabase.InMemory();
        using (var connection = database.Open())
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE article_status (
                    article_id TEXT PRIMARY KEY, stage INTEGER NOT NULL, story_id TEXT,
                    url TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '',
                    ingested_at INTEGER, extracted_at INTEGER, clustered_at INTEGER, indexed_at INTEGER);
                INSERT INTO article_status (article_id, stage, title) VALUES ('old', 4, 'Indexed before tracing');
                """;
            command.ExecuteNonQuery();
        }

        var store = new QueryStore(database);
        await store.RecordIngestedAsync(Article("new", "Traced", "text"), FirstTrace);

        var old = store.GetArticleStatus("old")!;
        Assert.Equal(PipelineStage.Indexed, old.Stage);
        Assert.Equal("Indexed before tracing", old.Title);
        Assert.Equal("", old.TraceId);
        Assert.Equal(FirstTrace, store.GetArticleStatus("new")!.TraceId);
    }

    /// <summary>
    /// An index made before entity names were counted by name (entity_name_counts) starts the counts from the names
    /// its articles gave, so an entity's name is still settled by all of its mentions, old and new.
    /// </summary>
    [Fact]
    public void An_index_from_before_the_name_counts_counts_the_names_it_holds()
    {
        var database = SqliteDatabase.InMemory();
        using (var before = new QueryStore(database))
        {
            before.IndexStory(Story("s1", "a1", "One", "text", entities: [Mention("Veyra Brigades", "vrf", "Veyra Brigades"), Mention("Veyra Brigades", "vrf", "Veyra Brigades")]), IndexedAt);
            before.IndexStory(Story("s2", "a2", "Two", "text", entities: [Mention("Veyra Brigades", "vrf", "Veyra Brigades")]), IndexedAt);
        }

        using (var connection = database.Open())
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE entity_name_counts";
            command.ExecuteNonQuery();
        }

        using var store = new QueryStore(database);
        store.IndexStory(Story("s3", "a3", "Three", "text", entities: [Mention("Veyra River Front", "vrf", "Veyra River Front"), Mention("Veyra River Front", "vrf", "Veyra River Front")]), IndexedAt);
        Assert.Equal("Veyra Brigades", store.GetEntity("vrf")!.CanonicalName);

        store.IndexStory(Update("s1", 2, Extracted(Article("a1", "One", "text"), null, Mention("Veyra River Front", "vrf", "Veyra River Front"))), IndexedAt);
        Assert.Equal("Veyra River Front", store.GetEntity("vrf")!.CanonicalName);
    }
}
