using System.Collections.Concurrent;
using Newsroom.Contracts.V1;

namespace Newsroom.Query;

/// <summary>
/// Hands every indexed story update to each live watcher through the watcher's own bounded queue.
/// Publishing never waits: a watcher whose queue is full is dropped (its stream ends with
/// RESOURCE_EXHAUSTED), so one slow client cannot hold up indexing or the other watchers.
/// </summary>
public sealed class StoryUpdateBroadcaster
{
    /// <summary>How many updates a watcher may fall behind before it is dropped.</summary>
    public const int DefaultWatcherCapacity = 256;

    private readonly ConcurrentDictionary<StoryWatcher, byte> _watchers = new();
    private readonly int _capacity;

    public StoryUpdateBroadcaster()
        : this(DefaultWatcherCapacity)
    {
    }

    public StoryUpdateBroadcaster(int watcherCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(watcherCapacity, 1);
        _capacity = watcherCapacity;
    }

    public int WatcherCount => _watchers.Count;

    /// <summary>A new watcher that receives every update published from now on; dispose it to stop.</summary>
    public StoryWatcher Subscribe()
    {
        var watcher = new StoryWatcher(_capacity, w => _watchers.TryRemove(w, out _));
        _watchers.TryAdd(watcher, 0);
        return watcher;
    }

    public void Publish(StoryUpdate update)
    {
        foreach (var watcher in _watchers.Keys)
        {
            if (!watcher.TryOffer(update))
            {
                watcher.Drop();
            }
        }
    }
}
