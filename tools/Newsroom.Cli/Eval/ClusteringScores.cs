using System.Globalization;

namespace Newsroom.Cli.Eval;

/// <summary>How a predicted partition agrees with the gold one: B-cubed, pairwise and adjusted Rand.</summary>
internal sealed record ClusteringScores(
    double Precision,
    double Recall,
    double F1,
    double PairPrecision,
    double PairRecall,
    double PairF1,
    double AdjustedRand,
    int Items,
    int GoldClusters,
    int PredictedClusters)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"B3 P {Precision:F3} R {Recall:F3} F1 {F1:F3}, pairwise P {PairPrecision:F3} R {PairRecall:F3} F1 {PairF1:F3}, ARI {AdjustedRand:F3} ({Items} items, {GoldClusters} gold / {PredictedClusters} predicted clusters)");
}
