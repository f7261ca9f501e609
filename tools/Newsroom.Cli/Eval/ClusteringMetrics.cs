namespace Newsroom.Cli.Eval;

/// <summary>
/// B-cubed precision/recall/F1 (Bagga and Baldwin 1998), pairwise precision/recall/F1 over the pairs of
/// items put together, and the adjusted Rand index (Hubert and Arabie 1985).
/// </summary>
internal static class ClusteringMetrics
{
    public static ClusteringScores Score(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count != predicted.Count || gold.Count == 0)
        {
            throw new ArgumentException($"Need one gold and one predicted label per item; got {gold.Count} and {predicted.Count}.");
        }
        var n = gold.Count;
        var pairs = Enumerable.Range(0, n).Select(i => (Gold: gold[i], Predicted: predicted[i])).ToList();
        var cells = pairs.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var goldSizes = gold.GroupBy(g => g, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var predictedSizes = predicted.GroupBy(p => p, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        double precision = 0, recall = 0;
        foreach (var (g, p) in pairs)
        {
            var overlap = cells[(g, p)];
            precision += (double)overlap / predictedSizes[p];
            recall += (double)overlap / goldSizes[g];
        }
        precision /= n;
        recall /= n;

        var together = cells.Values.Sum(Choose2);
        var goldPairs = goldSizes.Values.Sum(Choose2);
        var predictedPairs = predictedSizes.Values.Sum(Choose2);
        // No pairs predicted (or none in the gold) is vacuously precise (or complete).
        var pairPrecision = predictedPairs == 0 ? 1.0 : together / predictedPairs;
        var pairRecall = goldPairs == 0 ? 1.0 : together / goldPairs;

        var expected = goldPairs * predictedPairs / Choose2(n);
        var maximum = (goldPairs + predictedPairs) / 2;
        var ari = maximum - expected == 0 ? 1.0 : (together - expected) / (maximum - expected);
        return new ClusteringScores(
            precision, recall, Harmonic(precision, recall),
            pairPrecision, pairRecall, Harmonic(pairPrecision, pairRecall),
            ari, n, goldSizes.Count, predictedSizes.Count);
    }

    private static double Harmonic(double precision, double recall) =>
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

    private static double Choose2(int count) => count * (count - 1) / 2.0;
}
