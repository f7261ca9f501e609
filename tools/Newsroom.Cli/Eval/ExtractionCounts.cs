namespace Newsroom.Cli.Eval;

/// <summary>
/// Shingles of one document (or of many, summed): matched, extracted but not in the gold body,
/// and in the gold body but not extracted. Precision and recall follow the benchmark: both are 1
/// when the texts agree exactly (both empty included), and 0 when nothing matched.
/// </summary>
internal readonly record struct ExtractionCounts(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public bool HasPrediction => TruePositives + FalsePositives > 0;

    public bool HasGold => TruePositives + FalseNegatives > 0;

    public double Precision => FalsePositives == 0 && FalseNegatives == 0 ? 1 : HasPrediction ? (double)TruePositives / (TruePositives + FalsePositives) : 0;

    public double Recall => FalsePositives == 0 && FalseNegatives == 0 ? 1 : HasGold ? (double)TruePositives / (TruePositives + FalseNegatives) : 0;

    public double F1 => ExtractionSummary.Harmonic(Precision, Recall);

    public static ExtractionCounts operator +(ExtractionCounts left, ExtractionCounts right) => new(
        left.TruePositives + right.TruePositives, left.FalsePositives + right.FalsePositives, left.FalseNegatives + right.FalseNegatives);
}
