using System.Globalization;
using Newsroom.Extraction.Tagging;

namespace Newsroom.Cli.Training;

/// <summary>
/// Builds <see cref="WordClusters"/> from word vectors: spherical k-means of the words into the finest
/// grain, then of those clusters' centroids (weighted by their sizes) into each coarser grain, so the
/// grains nest like the prefixes of Brown clusters.
/// </summary>
internal static class WordClusterBuilder
{
    /// <param name="grains">Cluster counts, coarsest first, each smaller than the next.</param>
    public static WordClusters Build(WordVectors vectors, IReadOnlyList<int> grains, int iterations, int seed, Action<string> progress, CancellationToken cancellationToken)
    {
        var finest = grains[^1];
        var (assignment, centroids) = SphericalKMeans.Run(
            vectors.Values, [.. Enumerable.Repeat(1f, vectors.Count)], vectors.Dimensions, finest, iterations, seed,
            (i, moved) => progress($"{vectors.Count} words into {finest} clusters, pass {i}/{iterations}: {moved} moved"), cancellationToken);
        var paths = new int[vectors.Count][];
        for (var w = 0; w < paths.Length; w++)
        {
            paths[w] = new int[grains.Count];
            paths[w][^1] = assignment[w];
        }

        var sizes = new float[finest];
        foreach (var c in assignment)
        {
            sizes[c]++;
        }

        for (var g = grains.Count - 2; g >= 0; g--)
        {
            var (parents, parentCentroids) = SphericalKMeans.Run(centroids, sizes, vectors.Dimensions, grains[g], iterations, seed, null, cancellationToken);
            var parentSizes = new float[grains[g]];
            for (var w = 0; w < paths.Length; w++)
            {
                paths[w][g] = parents[paths[w][g + 1]];
            }

            for (var c = 0; c < parents.Length; c++)
            {
                parentSizes[parents[c]] += sizes[c];
            }

            progress($"{grains[g + 1]} clusters into {grains[g]}");
            (centroids, sizes) = (parentCentroids, parentSizes);
        }

        var names = Enumerable.Range(0, finest).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
        var classes = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var w = 0; w < paths.Length; w++)
        {
            // Cased vectors give a word several times; the first is the most frequent.
            classes.TryAdd(vectors.Words[w].ToLowerInvariant(), [.. paths[w].Select(c => names[c])]);
        }

        return new WordClusters(classes, grains.Count);
    }
}
