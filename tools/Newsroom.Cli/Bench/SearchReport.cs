namespace Newsroom.Cli.Bench;

/// <summary>
/// What a search load found: how many searches, how fast, how many had hits (and how many on average), how many matched
/// more stories than the service ranks, and the first failures. Latencies are given for all answers and apart for the capped
/// searches and the others, since the two cost differently: a capped search ranks only the newest matches, the others rank all.
/// The slowest answers are named, so a slow search can be tried again alone.
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
    LatencySummary CappedLatency,
    LatencySummary UncappedLatency,
    IReadOnlyList<SlowSearch> Slowest,
    IReadOnlyList<string> Failures);
