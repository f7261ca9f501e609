using Newsroom.Cli.Replay;
using Newsroom.Dedup;

namespace Newsroom.Cli.Eval;

/// <summary>
/// Replays gold articles through exactly the path of `newsroom replay` (ingest's cleaner, extraction,
/// dedup, a fresh story store per run) and scores the stories against the gold clusters. A rejected
/// article is scored as a story of its own, so errors cost what a wrong split costs.
/// </summary>
internal static class ClusteringEvaluation
{
    public static IReadOnlyList<ClusteredItem> Run(
        IReadOnlyList<GoldClusterItem> items, StoryClustererOptions options, TimeProvider time, Action onItem, CancellationToken cancellationToken)
    {
        using var pipeline = new ReplayPipeline(time, options);
        var clustered = new List<ClusteredItem>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        // Replay gives one outcome per input, in input order; a merge moves earlier articles into the story of a later one.
        foreach (var (outcome, item) in pipeline.Run(items.Select(item => item.Input), cancellationToken).Zip(items))
        {
            foreach (var moved in outcome.Moved)
            {
                if (positions.TryGetValue(moved.Article.Article.ArticleId, out var position))
                {
                    clustered[position] = clustered[position] with { StoryId = moved.StoryId, Join = ReplayJoin.Of(moved) };
                }
            }
            positions.TryAdd(outcome.Id, clustered.Count);
            clustered.Add(new ClusteredItem(outcome.Id, item.Cluster, outcome.StoryId, outcome.Placement is { } placement ? ReplayJoin.Of(placement) : null, outcome.Error));
            onItem();
        }

        return clustered;
    }

    public static ClusteringScores Score(IReadOnlyList<ClusteredItem> items) =>
        ClusteringMetrics.Score(
            items.Select(i => i.Cluster).ToList(),
            items.Select(i => i.ScoredStory).ToList());

    /// <summary>The items in a random order that the seed fixes, so a shuffled run can be repeated.</summary>
    public static IReadOnlyList<GoldClusterItem> Shuffle(IReadOnlyList<GoldClusterItem> items, int seed)
    {
        var shuffled = items.ToArray();
        new Random(seed).Shuffle(shuffled);
        return shuffled;
    }
}
