using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;
using Newsroom.Testing.Database;
using Xunit;
using static Newsroom.Query.Tests.StoryEvents;

namespace Newsroom.Query.Tests;

/// <summary>
/// Query replicas on one PostgreSQL read model: writing at once, in any order, they build what one replica
/// builds alone; each replica's watchers hear of every change, whichever replica indexed it; and a read
/// whose caller gave up stops on the server.
/// </summary>
public sealed class PostgresReplicaTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>
{
    private static readonly DateTimeOffset IndexedAt = Start.AddDays(1);

    [PostgresFact]
    public async Task Replicas_indexing_at_once_in_any_order_build_the_read_model_one_replica_builds_in_order()
    {
        var updates = Updates(stories: 24, members: 6, movers: 12);
        var expected = new QueryStore(SqliteDatabase.InMemory());
        foreach (var update in updates)
        {
            expected.IndexStory(update, IndexedAt);
        }

        using var database = new PostgresDatabase(await server.CreateDatabaseAsync("replicas"));
        QueryStore[] replicas = [new QueryStore(database), new QueryStore(database)];
        var queue = new ConcurrentQueue<StoryUpdated>(updates.OrderBy(u => StableOrder(u.Article.Article.ArticleId + u.StoryId)));
        var retried = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var replica = replicas[worker % replicas.Length];
            while (queue.TryDequeue(out var update))
            {
                // As the consumer's retry would: a deadlock or a lost connection passes on a second attempt.
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        replica.IndexStory(update, IndexedAt);
                        break;
                    }
                    catch (Exception error) when (PostgresDatabase.IsUnavailable(error) && attempt < 5)
                    {
                        Interlocked.Increment(ref retried);
                    }
                }
            }
        })));

        Assert.True(retried < updates.Count / 10, $"{retried} of {updates.Count} writes had to be retried");
        var storyIds = updates.Select(u => u.StoryId).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var replica in replicas)
        {
            Assert.Equal(Listing(expected), Listing(replica));
            foreach (var storyId in storyIds)
            {
                Assert.Equal(expected.GetStory(storyId)?.ToString(), replica.GetStory(storyId)?.ToString());
            }

            foreach (var entity in new[] { "org0", "org1", "org2", "per0", "Kataib Hezbollah" })
            {
                Assert.Equal(expected.GetEntity(entity)?.ToString(), replica.GetEntity(entity)?.ToString());
                Assert.Equal(Timeline(expected, entity), Timeline(replica, entity));
            }

            foreach (var article in updates.Select(u => u.Article.Article.ArticleId).Distinct())
            {
                var (want, got) = (expected.GetArticleStatus(article)!, replica.GetArticleStatus(article)!);
                if (updates.Count(u => u.Article.Article.ArticleId == article) > 1)
                {
                    // A member that moved was first clustered by whichever of its placements came first.
                    (want.ClusteredAt, got.ClusteredAt) = (null, null);
                }
                Assert.Equal(want.ToString(), got.ToString());
            }

            foreach (var words in new[] { new[] { "talks" }, ["harbour", "talks"], ["story7"] })
            {
                Assert.Equal(Found(expected, words), Found(replica, words));
            }
        }
    }

    [PostgresFact]
    public async Task Each_replicas_watchers_hear_of_every_change_whichever_replica_indexed_it()
    {
        // A data source each, as replicas in processes of their own have.
        var connectionString = await server.CreateDatabaseAsync("watchers");
        using var one = new PostgresDatabase(connectionString);
        using var other = new PostgresDatabase(connectionString);
        PostgresDatabase[] databases = [one, other];
        var replicas = databases.Select(database => new QueryStore(database)).ToArray();
        var broadcasters = replicas.Select(_ => new StoryUpdateBroadcaster()).ToArray();
        var listeners = replicas.Select((store, i) => new StoryChangeListener(databases[i], store, broadcasters[i], NullLogger<StoryChangeListener>.Instance)).ToArray();
        var watchers = broadcasters.Select(b => b.Subscribe()).ToArray();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        foreach (var listener in listeners)
        {
            await listener.StartAsync(timeout.Token);
        }

        try
        {
            // Changes made before a listener listens are not heard: index until both have heard one.
            for (var i = 0; ; i++)
            {
                replicas[0].IndexStory(Story($"warm-up-{i}", $"w{i}", "Warm-up", "text"), IndexedAt);
                if (await HeardAsync(watchers[0], $"warm-up-{i}", timeout.Token) && await HeardAsync(watchers[1], $"warm-up-{i}", timeout.Token))
                {
                    break;
                }
            }

            var first = Extracted(Article("a1", "Port strike talks", "Talks resumed."));
            var second = Extracted(Article("a2", "Port strike talks go on", "Talks went on."));
            replicas[0].IndexStory(Update("strike", 1, first), IndexedAt);
            replicas[1].IndexStory(Update("strike", 2, second, matched: "a1"), IndexedAt);
            replicas[1].IndexStory(Update("strike", 2, second, matched: "a1"), IndexedAt);
            replicas[0].IndexStory(Story("other", "b1", "Harbour reopens", "Ships sailed."), IndexedAt);

            foreach (var watcher in watchers)
            {
                var heard = new List<string>();
                while (heard.Count < 3)
                {
                    var update = await NextAsync(watcher, timeout.Token);
                    Assert.Equal(update.Story.StoryId == "strike" ? "Port strike talks" : "Harbour reopens", update.Story.Title);
                    heard.Add($"{update.Kind} {update.Story.StoryId} {update.ArticleId}");
                }

                // The redelivery changed nothing, so nobody hears of it.
                Assert.Equal(["Created strike a1", "Updated strike a2", "Created other b1"], heard);
            }
        }
        finally
        {
            foreach (var listener in listeners)
            {
                await listener.StopAsync(CancellationToken.None);
                listener.Dispose();
            }
        }
    }

    [PostgresFact]
    public async Task A_read_whose_caller_gave_up_stops_on_the_server()
    {
        using var database = new PostgresDatabase(await server.CreateDatabaseAsync("cancel"));
        var store = new QueryStore(database);
        using var call = new CancellationTokenSource();
        var finished = false;

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Run(() => store.Read(db =>
        {
            using var command = db.Command("SELECT pg_sleep(120)");
            call.CancelAfter(TimeSpan.FromMilliseconds(300));
            command.ExecuteNonQuery();
            finished = true;
            return 0;
        }, call.Token)));

        Assert.False(finished);
        Assert.Equal(call.Token, exception.CancellationToken);
        Assert.Equal("57014", Assert.IsType<Npgsql.PostgresException>(exception.InnerException).SqlState);
    }

    /// <summary>
    /// Stories of members that name shared entities, with lead events; some members later move to another
    /// story. A member that moves is never the last of its first story, so its superseded placement, if
    /// it arrives after the move, leaves that story's version as it would be in order.
    /// </summary>
    private static List<StoryUpdated> Updates(int stories, int members, int movers)
    {
        var updates = new List<StoryUpdated>();
        var versions = new Dictionary<string, long>();
        var minute = 0;
        StoryUpdated Place(string storyId, ArticleExtracted article, string? matched)
        {
            var version = versions[storyId] = versions.GetValueOrDefault(storyId) + 1;
            var update = Update(storyId, version, article, Start.AddMinutes(++minute), version == 1 ? null : matched);
            updates.Add(update);
            return update;
        }

        var movable = new List<ArticleExtracted>();
        for (var s = 0; s < stories; s++)
        {
            var storyId = string.Create(CultureInfo.InvariantCulture, $"story{s}");
            for (var m = 0; m < members; m++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"a{s}-{m}");
                var article = Extracted(
                    Article(id, $"Harbour talks {storyId} part {m}", $"Talks in {storyId} went on; report {m}.", m % 2 == 0 ? "Reuters" : "AP", Start.AddDays(s).AddHours(m)),
                    m % 3 == 0 ? Lead("Kataib Hezbollah", "kh", EventAction.Suspend, "suspended", $"org{s % 3}", $"org{s % 3}", DateOnly.FromDateTime(Start.AddDays(s).Date)) : null,
                    Mention($"Org {s % 3}", $"org{s % 3}", $"Org {s % 3}"),
                    Mention(m % 2 == 0 ? "Kataib Hezbollah" : "Kataeb Hezbollah", "kh", "Kataib Hezbollah"),
                    Mention($"Person {m % 2}", $"per{m % 2}", $"Person {m % 2}", EntityType.Person));
                Place(storyId, article, string.Create(CultureInfo.InvariantCulture, $"a{s}-0"));
                if (m < members - 1 && movable.Count < movers && (s + m) % 2 == 1)
                {
                    movable.Add(article);
                }
            }
        }

        foreach (var (article, i) in movable.Select((a, i) => (a, i)))
        {
            Place(string.Create(CultureInfo.InvariantCulture, $"story{(i * 7 + 3) % stories}"), article, null);
        }

        return updates;
    }

    private static int StableOrder(string key) => key.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));

    private static List<string> Listing(QueryStore store) =>
        store.ListStories(null, 0, 1_000).Stories.Select(s => s.ToString()).ToList();

    private static List<string> Timeline(QueryStore store, string entity) =>
        store.GetEntityTimeline(entity, null, null, 0, 1_000)?.Events.Select(e => e.ToString()).ToList() ?? [];

    private static List<string> Found(QueryStore store, string[] words) =>
        store.SearchStories(words, null, 0, 1_000).Hits.Select(h => h.Story.StoryId).Order(StringComparer.Ordinal).ToList();

    private static async Task<StoryUpdate> NextAsync(StoryWatcher watcher, CancellationToken cancellationToken)
    {
        await using var updates = watcher.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        Assert.True(await updates.MoveNextAsync(), "the watcher was dropped");
        return updates.Current;
    }

    /// <summary>Reads what the watcher heard within a second; true once it heard of <paramref name="storyId"/>.</summary>
    private static async Task<bool> HeardAsync(StoryWatcher watcher, string storyId, CancellationToken cancellationToken)
    {
        using var second = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        second.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            while ((await NextAsync(watcher, second.Token)).Story.StoryId != storyId)
            {
            }
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
