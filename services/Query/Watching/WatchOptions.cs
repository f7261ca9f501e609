using System.ComponentModel.DataAnnotations;

namespace Newsroom.Query;

/// <summary>How WatchStories streams treat slow clients (section <c>Query:Watch</c>).</summary>
public sealed class WatchOptions
{
    public const string SectionName = "Query:Watch";

    /// <summary>
    /// Updates a watcher may fall behind before it is dropped with RESOURCE_EXHAUSTED. More lets a slow client
    /// through a burst (a backfill) at the cost of memory: about a kilobyte an update, per watcher.
    /// </summary>
    [Range(1, 1_000_000)]
    public int Buffer { get; set; } = StoryUpdateBroadcaster.DefaultWatcherCapacity;
}
