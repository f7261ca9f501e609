using System.Diagnostics;
using Grpc.Core;
using Newsroom.Contracts.V1;

namespace Newsroom.Cli.Bench;

/// <summary>
/// Sends searches to the query service, <paramref name="concurrency"/> at a time, as fast as it answers,
/// and times each answer as the client sees it: the latency an analyst gets, gRPC included.
/// </summary>
internal sealed class SearchLoad(NewsroomClient client, int concurrency)
{
    private const int SlowestNamed = 5;

    /// <param name="answered">Called after each search, with whether it found anything.</param>
    public async Task<SearchReport> RunAsync(IReadOnlyList<string> queries, Action<bool> answered, CancellationToken cancellationToken)
    {
        var latencies = new double[queries.Count];
        var hits = new int[queries.Count];
        var capped = new bool[queries.Count];
        var failures = new List<string>();
        var next = -1;
        await WarmUpAsync(queries, cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < queries.Count; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var response = await client.SearchStoriesAsync(new SearchStoriesRequest { Query = queries[i] }, cancellationToken).ConfigureAwait(false);
                    hits[i] = response.TotalSize;
                    capped[i] = response.TotalSizeCapped;
                }
                catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
                {
                    hits[i] = -1;
                    lock (failures)
                    {
                        failures.Add($"'{queries[i]}': {e.StatusCode} {e.Status.Detail}");
                    }
                }
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                answered(hits[i] > 0);
            }
        })).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;

        List<double> Latencies(Func<int, bool> which) => latencies.Where((_, i) => hits[i] >= 0 && which(i)).Order().ToList();
        var answeredLatencies = Latencies(_ => true);
        var found = hits.Where(h => h >= 0).ToList();
        return new SearchReport(
            queries.Count,
            failures.Count,
            seconds,
            seconds > 0 ? answeredLatencies.Count / seconds : 0,
            LatencySummary.Of(answeredLatencies),
            found.Count(h => h > 0),
            found.Count == 0 ? 0 : found.Average(),
            capped.Count(c => c),
            LatencySummary.Of(Latencies(i => capped[i])),
            LatencySummary.Of(Latencies(i => !capped[i])),
            [.. Enumerable.Range(0, queries.Count).Where(i => hits[i] >= 0).OrderByDescending(i => latencies[i]).Take(SlowestNamed)
                .Select(i => new SlowSearch(queries[i], latencies[i], hits[i], capped[i]))],
            failures.Take(5).ToList());
    }

    /// <summary>
    /// One search before the clock starts, neither timed nor counted: the first call of a run also connects and
    /// compiles this client's side of the call, 0.2-0.7 s that would show as the slowest search whatever it was.
    /// One that fails is left for the timed searches to report.
    /// </summary>
    private async Task WarmUpAsync(IReadOnlyList<string> queries, CancellationToken cancellationToken)
    {
        if (queries.Count == 0)
        {
            return;
        }

        try
        {
            await client.SearchStoriesAsync(new SearchStoriesRequest { Query = queries[0] }, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
        }
    }
}
