using System.ComponentModel.DataAnnotations;

namespace Newsroom.Query;

/// <summary>How much work one search may do, and when the index it searches is tidied (section <c>Query:Search</c>).</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Query:Search";

    /// <summary>
    /// Matching stories ranked per search, the most recently created first. Ranking reads every match, so a word in
    /// most stories of a large index would take seconds; a search that matches more ranks the newest this many, says
    /// so (<c>total_size_capped</c>), and can be narrowed with more words or a filter.
    /// </summary>
    [Range(100, 10_000_000)]
    public int RankedMatches { get; set; } = 10_000;

    /// <summary>
    /// Seconds without a story indexed after which the service merges its search index's segments (<see cref="SearchSegmentMerger"/>;
    /// SQLite only); 0 never merges.
    /// </summary>
    [Range(0, 86_400)]
    public int MergeWhenIdleSeconds { get; set; } = 30;
}
