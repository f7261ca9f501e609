namespace Newsroom.Cli.Bench;

/// <summary>Send-to-queryable times in milliseconds.</summary>
internal sealed record LatencySummary(double P50, double P90, double P99, double Max);
