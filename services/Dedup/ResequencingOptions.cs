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
    /// Articles dedup takes from its queue at once, waiting ones included. It must exceed how far the stages
    /// before dedup can reorder articles (extraction's concurrent messages times its replicas), or an article
    /// behind the window cannot arrive before the wait runs out.
    /// </summary>
    [Range(1, 4096)]
    public int Window { get; set; } = 128;
}
