using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Newsroom.Query;

/// <summary>
/// Merges the search index's segments while no story is being indexed. SQLite's FTS5 writes a segment at every commit
/// and merges them only partly as it writes, and a search reads every segment: a million-article backfill left 27.
/// The merge goes in small steps, each a write that takes its turn with the others, and stops when a story is indexed
/// again, to go on after the next quiet spell.
/// </summary>
public sealed partial class SearchSegmentMerger(
    QueryStore store, IOptions<SearchOptions> options, TimeProvider time, ILogger<SearchSegmentMerger> logger) : BackgroundService
{
    /// <summary>Pages of work per step: a write that arrives meanwhile waits for one step at most (about 0.1 s here).</summary>
    public const int PagesPerStep = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromSeconds(options.Value.MergeWhenIdleSeconds);
        if (idle <= TimeSpan.Zero || !store.MergesSearchSegments)
        {
            return;
        }

        var seen = store.IndexWrites;
        var quietSince = time.GetTimestamp();
        long? handled = null;
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Clamp(idle.Ticks / 4, TimeSpan.TicksPerMillisecond * 100, TimeSpan.TicksPerSecond * 5)), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var writes = store.IndexWrites;
                if (writes != seen)
                {
                    seen = writes;
                    quietSince = time.GetTimestamp();
                }
                else if (handled != writes && time.GetElapsedTime(quietSince) >= idle && await MergeAsync(writes, stoppingToken).ConfigureAwait(false))
                {
                    handled = writes;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Merges until nothing is left to merge; false when a story was indexed meanwhile, so the merge is not done.</summary>
    private async Task<bool> MergeAsync(long writes, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var before = store.CountSearchSegments(cancellationToken);
            var steps = 0;
            while (store.IndexWrites == writes && await store.MergeSearchSegmentsAsync(PagesPerStep, cancellationToken).ConfigureAwait(false))
            {
                steps++;
            }

            if (steps > 0)
            {
                var seconds = time.GetElapsedTime(started).TotalSeconds;
                var after = store.CountSearchSegments(cancellationToken);
                LogMerged(logger, before, after, steps, seconds);
            }

            return store.IndexWrites == writes;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Tried again after the next story and quiet spell, not at every tick.
            LogMergeFailed(logger, store.Description, error);
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Merged the search index while idle: {Before} segments to {After} in {Steps} steps, {Seconds:F1} s")]
    private static partial void LogMerged(ILogger logger, long before, long after, int steps, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not merge the search index's segments in the {Database}; searches work, more slowly. The merge is tried again once stories have been indexed and the service is idle; check the free space and permissions of the data folder.")]
    private static partial void LogMergeFailed(ILogger logger, string database, Exception error);
}
