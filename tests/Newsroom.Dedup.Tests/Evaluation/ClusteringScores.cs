using System.Globalization;

namespace Newsroom.Dedup.Tests.Evaluation;

internal sealed record ClusteringScores(double Precision, double Recall, double F1, double AdjustedRand, int Items, int GoldClusters, int PredictedClusters)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"B3 P {Precision:F3} R {Recall:F3} F1 {F1:F3}, ARI {AdjustedRand:F3} ({Items} docs, {GoldClusters} gold / {PredictedClusters} predicted clusters)");
}
