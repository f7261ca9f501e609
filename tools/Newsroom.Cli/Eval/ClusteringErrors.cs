namespace Newsroom.Cli.Eval;

/// <summary>
/// Where a run's stories disagree with the gold: stories that mix gold clusters (look-alike events merged) and
/// gold clusters spread over several stories (one event split), largest first, each with its articles per part.
/// A rejected article is a story of its own, named "rejected".
/// </summary>
internal sealed record ClusteringErrors(
    IReadOnlyList<(string StoryId, IReadOnlyList<(string Cluster, int Articles)> Clusters)> MixedStories,
    IReadOnlyList<(string Cluster, IReadOnlyList<(string StoryId, int Articles)> Stories)> SplitClusters)
{
    public static ClusteringErrors Of(IReadOnlyList<ClusteredItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new ClusteringErrors(
            Parts(items, item => item.ScoredStory, item => item.Cluster, item => item.Cluster),
            Parts(items, item => item.Cluster, item => item.ScoredStory, item => item.StoryId ?? "rejected"));
    }

    /// <summary>The groups that hold more than one part, largest first, each part named and counted, largest first.</summary>
    private static List<(string Key, IReadOnlyList<(string Name, int Articles)> Parts)> Parts(
        IReadOnlyList<ClusteredItem> items, Func<ClusteredItem, string> group, Func<ClusteredItem, string> part, Func<ClusteredItem, string> name) =>
        [.. items
            .GroupBy(group, StringComparer.Ordinal)
            .Select(g => (g.Key, Parts: (IReadOnlyList<(string Name, int Articles)>)[.. g
                .GroupBy(part, StringComparer.Ordinal)
                .Select(p => (Name: name(p.First()), Articles: p.Count()))
                .OrderByDescending(p => p.Articles)
                .ThenBy(p => p.Name, StringComparer.Ordinal)]))
            .Where(g => g.Parts.Count > 1)
            .OrderByDescending(g => g.Parts.Sum(p => p.Articles))
            .ThenBy(g => g.Key, StringComparer.Ordinal)];
}
