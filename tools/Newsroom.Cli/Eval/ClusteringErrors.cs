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
        var labelled = items.Select(item => (item.Cluster, StoryId: item.StoryId ?? "rejected:" + item.Id)).ToList();
        var mixed = Parts(labelled, item => item.StoryId, item => item.Cluster);
        var split = Parts(labelled, item => item.Cluster, item => item.StoryId);
        return new ClusteringErrors(
            [.. mixed.Select(m => (m.Key, m.Parts))],
            [.. split.Select(s => (s.Key, (IReadOnlyList<(string, int)>)[.. s.Parts.Select(p => (Display(p.Part), p.Articles))]))]);
    }

    /// <summary>The groups of one labelling that hold more than one label of the other, largest first.</summary>
    private static List<(string Key, IReadOnlyList<(string Part, int Articles)> Parts)> Parts(
        List<(string Cluster, string StoryId)> items, Func<(string Cluster, string StoryId), string> group, Func<(string Cluster, string StoryId), string> part) =>
        [.. items
            .GroupBy(group, StringComparer.Ordinal)
            .Select(g => (g.Key, Parts: (IReadOnlyList<(string, int)>)[.. g
                .GroupBy(part, StringComparer.Ordinal)
                .Select(p => (p.Key, p.Count()))
                .OrderByDescending(p => p.Item2)
                .ThenBy(p => p.Key, StringComparer.Ordinal)]))
            .Where(g => g.Parts.Count > 1)
            .OrderByDescending(g => g.Parts.Sum(p => p.Item2))
            .ThenBy(g => g.Key, StringComparer.Ordinal)];

    private static string Display(string storyId) => storyId.StartsWith("rejected:", StringComparison.Ordinal) ? "rejected" : storyId;
}
