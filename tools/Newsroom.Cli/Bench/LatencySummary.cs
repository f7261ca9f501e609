namespace Newsroom.Cli.Bench;

/// <summary>A distribution of times in milliseconds: send to queryable, or a search's answer.</summary>
internal sealed record LatencySummary(double P50, double P90, double P99, double Max)
{
    public static LatencySummary Of(List<double> sorted) =>
        new(Percentile(sorted, 0.50), Percentile(sorted, 0.90), Percentile(sorted, 0.99), sorted.Count == 0 ? 0 : sorted[^1]);

    /// <summary>The nearest-rank percentile of an ascending list; 0 for an empty one.</summary>
    public static double Percentile(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
}
