using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;
using Xunit;
using static Newsroom.Query.Tests.StoryEvents;

namespace Newsroom.Query.Tests;

public sealed class SqliteQueryStoreIndexingTests() : QueryStoreIndexingTests(new SqliteQueryStores())
{
    [Fact]
    public void An_index_from_before_tracing_gains_trace_ids_and_keeps_its_statuses()
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
        store.RecordIngested(Article("new", "Traced", "text"), FirstTrace);

        var old = store.GetArticleStatus("old")!;
        Assert.Equal(PipelineStage.Indexed, old.Stage);
        Assert.Equal("Indexed before tracing", old.Title);
        Assert.Equal("", old.TraceId);
        Assert.Equal(FirstTrace, store.GetArticleStatus("new")!.TraceId);
    }
}
