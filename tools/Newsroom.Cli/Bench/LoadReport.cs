namespace Newsroom.Cli.Bench;

/// <summary>
/// What a load run measured: counts, rates and the time from sending an article to finding it queryable.
/// <see cref="WatchDrops"/> counts the times the server dropped the run's watch for falling behind.
/// </summary>
internal sealed record LoadReport(
    int Articles,
    int Accepted,
    int Duplicates,
    int Rejected,
    int Queryable,
    int Stories,
    double Seconds,
    double SentPerSecond,
    double QueryablePerSecond,
    LatencySummary Latency,
    IReadOnlyList<StageRate> Stages,
    IReadOnlyList<string> Missing,
    int WatchDrops);
