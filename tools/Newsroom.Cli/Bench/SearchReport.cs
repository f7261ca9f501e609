namespace Newsroom.Cli.Bench;

/// <summary>
/// What a search load found: how many searches, how fast, how many had hits (and how many on average), how many matched
/// more stories than the service ranks, and the first failures.
/// </summary>
internal sealed record SearchReport(
    int Searches,
    int Failed,
    double Seconds,
    double SearchesPerSecond,
    LatencySummary Latency,
    int WithHits,
    double MeanHits,
    int Capped,
    IReadOnlyList<string> Failures);
