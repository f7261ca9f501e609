using System.ComponentModel.DataAnnotations;

namespace Newsroom.Dedup;

/// <summary>How dedup restores ingest's order before deciding (section <c>Dedup:Resequencing</c>).</summary>
public sealed class ResequencingOptions
{
    public const string SectionName = "Dedup:Resequencing";

    /// <summary>
    /// How long an article waits for those numbered before it. A gap still open after this (an article lost,
    /// or one far behind on a starved host) is passed over, and the missing article is decided when it comes.
    /// An article extraction parked needs no wait: its fault closes the gap at once. Too short a wait lets a
    /// slow article's successors go first, and then the same input no longer gives the same stories.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many articles may wait for their turn at once; the endpoint takes one more from the queue. The queue is
    /// first in, first out: an article a slow extraction finished late is queued behind later ones. When more would
    /// wait, the one numbered highest goes back to the end of the queue instead, so the window keeps the articles
    /// whose turns come first and the last place goes round the queue until the late one comes. Decisions awaiting
    /// their group's commit hold places too, so the window bounds a group (at most 64).
    /// </summary>
    [Range(1, 4096)]
    public int Window { get; set; } = 128;
}
