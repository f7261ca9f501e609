namespace Newsroom.Cli.Eval;

/// <summary>
/// The overall figures over many pages, three ways. Benchmark: the harmonic mean of the mean
/// per-page precision and the mean per-page recall, as the Article Extraction Benchmark's
/// evaluate.py reports (a page with nothing extracted counts for recall only, a page with an empty gold body for precision only). Macro: the mean of
/// per-page F1, where a page that failed counts 0. Micro: precision, recall and F1 of all
/// pages' shingles pooled, so long pages weigh more.
/// </summary>
internal sealed record ExtractionSummary(
    int Documents,
    int Errors,
    double Precision,
    double Recall,
    double F1,
    double MacroF1,
    double MicroPrecision,
    double MicroRecall,
    double MicroF1)
{
    public static ExtractionSummary Of(IReadOnlyList<ExtractionDocumentScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var precision = MeanOrZero(scores.Where(s => s.Counts.HasPrediction).Select(s => s.Counts.Precision));
        var recall = MeanOrZero(scores.Where(s => s.Counts.HasGold).Select(s => s.Counts.Recall));
        var pooled = scores.Aggregate(default(ExtractionCounts), (sum, score) => sum + score.Counts);
        return new ExtractionSummary(
            scores.Count,
            scores.Count(s => s.Error is not null),
            precision,
            recall,
            Harmonic(precision, recall),
            MeanOrZero(scores.Select(s => s.Counts.F1)),
            pooled.Precision,
            pooled.Recall,
            pooled.F1);
    }

    public static double Harmonic(double precision, double recall) => precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

    private static double MeanOrZero(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? 0 : list.Average();
    }
}
