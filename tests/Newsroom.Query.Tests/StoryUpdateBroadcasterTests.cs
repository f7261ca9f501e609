using Newsroom.Contracts.V1;
using Xunit;

namespace Newsroom.Query.Tests;

public sealed class StoryUpdateBroadcasterTests
{
    private static StoryUpdate Update(string id) => new() { Kind = StoryUpdate.Types.Kind.Created, Story = new StorySummary { StoryId = id } };

    [Fact]
    public async Task A_watcher_that_falls_behind_is_dropped_without_holding_up_the_others()
    {
        var broadcaster = new StoryUpdateBroadcaster(watcherCapacity: 2);
        using var slow = broadcaster.Subscribe();
        using var fast = broadcaster.Subscribe();
        var fastSeen = new List<string>();

        foreach (var id in new[] { "a", "b", "c" })
        {
            broadcaster.Publish(Update(id));
            if (id != "c")
            {
                await using var reader = fast.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
                Assert.True(await reader.MoveNextAsync());
                fastSeen.Add(reader.Current.Story.StoryId);
            }
        }

        Assert.True(slow.Dropped);
        Assert.False(fast.Dropped);
        Assert.Equal(["a", "b"], fastSeen);
        Assert.Equal(["a", "b"], await slow.ReadAllAsync(CancellationToken.None).Select(u => u.Story.StoryId).ToListAsync());
        Assert.Equal(1, broadcaster.WatcherCount);
    }

    [Fact]
    public void Disposing_a_watcher_unsubscribes_it()
    {
        var broadcaster = new StoryUpdateBroadcaster();
        var watcher = broadcaster.Subscribe();

        watcher.Dispose();
        broadcaster.Publish(Update("a"));

        Assert.Equal(0, broadcaster.WatcherCount);
        Assert.False(watcher.Dropped);
    }
}
