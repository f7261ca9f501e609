using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.ServiceDefaults;
using Newsroom.Testing;
using Xunit;
using static Newsroom.Query.Tests.StoryEvents;

namespace Newsroom.Query.Tests;

/// <summary>
/// On SQLite, writes that wait their turn share a commit (<see cref="QueryStore.IndexStoryAsync"/>). To make them
/// wait, another connection holds the database's write lock while they start, as another process could.
/// </summary>
public sealed class QueryStoreGroupCommitTests : IDisposable
{
    private const int Writes = 20;

    private static readonly DateTimeOffset IndexedAt = Start.AddDays(1);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-group-commit-");
    private readonly ServiceProvider _services = new ServiceCollection().AddPipelineMetrics().BuildServiceProvider();
    private readonly RecordedMeasurements _commits;

    public QueryStoreGroupCommitTests() => _commits = new("newsroom.query.commit.writes", _services.GetRequiredService<IMeterFactory>());

    private SqliteDatabase Database => SqliteDatabase.File(Path.Combine(_folder.FullName, QueryServiceExtensions.DatabaseFileName));

    [Fact]
    public async Task Writes_waiting_their_turn_share_a_commit_and_each_is_indexed()
    {
        using var store = new QueryStore(Database, _services.GetRequiredService<PipelineMetrics>());

        await WhileLockedAsync(() => Enumerable.Range(0, Writes).Select(i => IndexAsync(store, $"a{i}")).ToArray());

        Assert.Equal(Writes, _commits.Values.Sum());
        Assert.True(_commits.Values.Count < Writes, $"{_commits.Values.Count} commits for {Writes} writes that waited together");
        Assert.All(Enumerable.Range(0, Writes), i => Assert.NotNull(store.GetStory($"s-a{i}")));
    }

    [Fact]
    public async Task A_write_that_fails_in_a_group_is_undone_alone()
    {
        using var store = new QueryStore(Database, _services.GetRequiredService<PipelineMetrics>());
        RefuseBadArticles();
        var ids = Enumerable.Range(0, Writes).Select(i => i == Writes / 2 ? "bad" : $"a{i}").ToArray();

        var writes = await WhileLockedAsync(() => [.. ids.Select(id => IndexAsync(store, id))]);

        var refused = await Assert.ThrowsAsync<SqliteException>(() => writes[Writes / 2]);
        Assert.Contains("refused by the test", refused.Message, StringComparison.Ordinal);
        Assert.Null(store.GetStory("s-bad"));
        Assert.Null(store.GetArticleStatus("bad"));
        Assert.All(ids.Where(id => id != "bad"), id => Assert.NotNull(store.GetStory($"s-{id}")));
        Assert.Equal(Writes - 1, _commits.Values.Sum());
        await IndexAsync(store, "after");
        Assert.NotNull(store.GetStory("s-after"));
    }

    [Fact]
    public async Task A_write_that_fails_alone_leaves_no_transaction_open()
    {
        using var store = new QueryStore(Database, _services.GetRequiredService<PipelineMetrics>());
        await IndexAsync(store, "a1");
        RefuseBadArticles();

        await Assert.ThrowsAsync<SqliteException>(() => IndexAsync(store, "bad"));

        // Another connection may write at once: the store holds no write lock (SQLite would wait for it, then refuse).
        Execute("DROP TRIGGER refuse_bad");
        Assert.Equal(1, _commits.Values.Sum());
        await IndexAsync(store, "a2");
        Assert.NotNull(store.GetStory("s-a2"));
    }

    public void Dispose()
    {
        _commits.Dispose();
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private static Task<StoryIndexOutcome> IndexAsync(QueryStore store, string articleId) =>
        Task.Run(() => store.IndexStoryAsync(Story($"s-{articleId}", articleId, $"Convoy {articleId}", "A convoy was stopped."), IndexedAt));

    /// <summary>Starts the writes while another connection holds the write lock, then lets them through; returns them once all ended.</summary>
    private async Task<Task[]> WhileLockedAsync(Func<Task[]> start)
    {
        Task[] writes;
        using (var other = Database.Open())
        {
            using var transaction = other.BeginTransaction();
            writes = start();
            // Time for every write to reach the store: the first waits for the lock, the others for their turn.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            transaction.Commit();
        }

        try
        {
            await Task.WhenAll(writes);
        }
        catch (SqliteException)
        {
            // The test that refuses a write looks at each one.
        }

        return writes;
    }

    private void RefuseBadArticles() => Execute("""
        CREATE TRIGGER refuse_bad BEFORE INSERT ON story_articles WHEN NEW.article_id = 'bad'
        BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
        """);

    private void Execute(string sql)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
