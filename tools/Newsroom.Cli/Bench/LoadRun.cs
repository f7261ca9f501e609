using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Newsroom.Contracts.V1;

namespace Newsroom.Cli.Bench;

/// <summary>
/// Drives articles through a running deployment as a client would: SubmitArticles calls (paced to a rate,
/// or as fast as the server takes them), a WatchStories stream that says when each article became
/// queryable, and GetArticleStatus on a sample for the server's own stage times.
/// </summary>
internal sealed class LoadRun(NewsroomClient ingest, NewsroomClient query, double? rate, int concurrency, TimeSpan timeout)
{
    private const int MaxBatch = 100;
    private const int StageSample = 200;

    /// <summary>Articles the watch has not reported that are asked for by status, each quiet second.</summary>
    private const int StatusChecksPerSecond = 100;

    private static readonly (string Name, Func<ArticleStatus, Google.Protobuf.WellKnownTypes.Timestamp?> Time)[] StageTimes =
    [
        ("ingested", s => s.IngestedAt),
        ("extracted", s => s.ExtractedAt),
        ("clustered", s => s.ClusteredAt),
        ("indexed", s => s.IndexedAt),
    ];

    private readonly Stopwatch _clock = new();
    private readonly ConcurrentDictionary<string, (double At, string StoryId)> _arrivals = new(StringComparer.Ordinal);
    private int _watchDrops;

    /// <param name="sent">Called after each article is written.</param>
    /// <param name="queryable">Called with the number of the run's accepted articles found queryable so far.</param>
    public async Task<LoadReport> RunAsync(IReadOnlyList<SubmitArticleRequest> articles, Action sent, Action<int> queryable, CancellationToken cancellationToken)
    {
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var watch = query.WatchStories(new WatchStoriesRequest(), watching.Token);
        // Watching starts before the first article is sent, so no update of the run is missed.
        await watch.ResponseHeadersAsync.ConfigureAwait(false);
        var reader = ReadUpdatesAsync(watch, watching.Token);

        _clock.Start();
        var sentAt = new double[articles.Count];
        var responses = await SendAsync(articles, sentAt, sent, cancellationToken).ConfigureAwait(false);
        var sendSeconds = _clock.Elapsed.TotalSeconds;

        var index = articles.Select((article, i) => (article.ClientRef, i)).ToDictionary(p => p.ClientRef, p => p.i, StringComparer.Ordinal);
        var results = responses.SelectMany(r => r.Results).ToList();
        var accepted = results
            .Where(r => r.Outcome == SubmitArticleResult.Types.Outcome.Accepted)
            .Select(r => (Id: r.ArticleId, SentAt: sentAt[index[r.ClientRef]]))
            .OrderBy(a => a.SentAt)
            .ToList();

        await WaitUntilQueryableAsync(accepted.Select(a => a.Id).ToList(), queryable, cancellationToken).ConfigureAwait(false);
        await watching.CancelAsync().ConfigureAwait(false);
        await reader.ConfigureAwait(false);

        var found = accepted.Where(a => _arrivals.ContainsKey(a.Id)).ToList();
        var latencies = found.Select(a => (_arrivals[a.Id].At - a.SentAt) * 1000).Order().ToList();
        var lastArrival = found.Count == 0 ? 0 : found.Max(a => _arrivals[a.Id].At);
        var stages = await StageRatesAsync(accepted.Select(a => a.Id).ToList(), cancellationToken).ConfigureAwait(false);
        return new LoadReport(
            articles.Count,
            accepted.Count,
            results.Count(r => r.Outcome == SubmitArticleResult.Types.Outcome.Duplicate),
            results.Count(r => r.Outcome == SubmitArticleResult.Types.Outcome.Rejected),
            found.Count,
            found.Select(a => _arrivals[a.Id].StoryId).Distinct(StringComparer.Ordinal).Count(),
            lastArrival,
            sendSeconds > 0 ? accepted.Count / sendSeconds : 0,
            lastArrival > 0 ? found.Count / lastArrival : 0,
            LatencySummary.Of(latencies),
            stages,
            accepted.Where(a => !_arrivals.ContainsKey(a.Id)).Select(a => a.Id).ToList(),
            Volatile.Read(ref _watchDrops));
    }

    /// <summary>
    /// Notes when each update arrives. The server drops a watch that falls behind (this client may share a busy
    /// machine with it): a new watch goes on, and the articles whose updates were lost meanwhile are found by
    /// status (<see cref="WaitUntilQueryableAsync"/>), later than they became queryable.
    /// </summary>
    private async Task ReadUpdatesAsync(AsyncServerStreamingCall<StoryUpdate> first, CancellationToken cancellationToken)
    {
        var watch = first;
        try
        {
            while (true)
            {
                try
                {
                    await foreach (var update in watch.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                    {
                        _arrivals.TryAdd(update.ArticleId, (_clock.Elapsed.TotalSeconds, update.Story?.StoryId ?? string.Empty));
                    }
                    return;
                }
                catch (RpcException exception) when (exception.StatusCode == StatusCode.ResourceExhausted && !cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _watchDrops);
                }
                if (watch != first)
                {
                    watch.Dispose();
                }
                watch = query.WatchStories(new WatchStoriesRequest(), cancellationToken);
            }
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is OperationCanceledException or RpcException)
        {
            // The run stops the watch when it is done.
        }
        finally
        {
            if (watch != first)
            {
                watch.Dispose();
            }
        }
    }

    /// <summary>Batches of up to 100 articles, or half a second's worth at a set rate, with a few calls open at once.</summary>
    private async Task<List<SubmitArticlesResponse>> SendAsync(IReadOnlyList<SubmitArticleRequest> articles, double[] sentAt, Action sent, CancellationToken cancellationToken)
    {
        var batchSize = rate is { } perSecond ? Math.Clamp((int)(perSecond / 2), 1, MaxBatch) : MaxBatch;
        using var slots = new SemaphoreSlim(concurrency);
        var calls = new List<Task<SubmitArticlesResponse>>();
        for (var start = 0; start < articles.Count; start += batchSize)
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            var first = start;
            var batch = articles.Skip(start).Take(batchSize).ToList();
            calls.Add(SendBatchAsync(batch, first));
        }
        return [.. await Task.WhenAll(calls).ConfigureAwait(false)];

        async Task<SubmitArticlesResponse> SendBatchAsync(List<SubmitArticleRequest> batch, int first)
        {
            try
            {
                return await ingest.SubmitBatchAsync(batch, sent, cancellationToken, async i =>
                {
                    if (rate is { } perSecond && TimeSpan.FromSeconds((first + i) / perSecond) - _clock.Elapsed is { Ticks: > 0 } wait)
                    {
                        await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                    }
                    sentAt[first + i] = _clock.Elapsed.TotalSeconds;
                }).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }
    }

    /// <summary>
    /// Waits for the watch to report every accepted article. An article the watch has not reported after a
    /// quiet second is asked for by status, in case its update was dropped by a slow stream.
    /// </summary>
    private async Task WaitUntilQueryableAsync(List<string> accepted, Action<int> queryable, CancellationToken cancellationToken)
    {
        var deadline = _clock.Elapsed + timeout;
        var lastCount = -1;
        var quietSince = _clock.Elapsed;
        while (true)
        {
            var missing = accepted.Where(id => !_arrivals.ContainsKey(id)).ToList();
            var count = accepted.Count - missing.Count;
            queryable(count);
            if (missing.Count == 0 || _clock.Elapsed > deadline)
            {
                return;
            }
            if (count != lastCount)
            {
                lastCount = count;
                quietSince = _clock.Elapsed;
            }
            else if (_clock.Elapsed - quietSince > TimeSpan.FromSeconds(1))
            {
                foreach (var id in missing.Take(StatusChecksPerSecond))
                {
                    var status = await query.GetArticleStatusAsync(new GetArticleStatusRequest { ArticleId = id }, cancellationToken).ConfigureAwait(false);
                    if (status.Stage == PipelineStage.Indexed)
                    {
                        _arrivals.TryAdd(id, (_clock.Elapsed.TotalSeconds, status.StoryId));
                    }
                }
                quietSince = _clock.Elapsed;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stage rates and delays from the server's timestamps on an even sample of the accepted articles, first and last included.</summary>
    private async Task<List<StageRate>> StageRatesAsync(List<string> accepted, CancellationToken cancellationToken)
    {
        if (accepted.Count < 2)
        {
            return [];
        }
        var sample = Enumerable.Range(0, Math.Min(StageSample, accepted.Count))
            .Select(i => accepted[(int)((long)i * (accepted.Count - 1) / Math.Max(1, Math.Min(StageSample, accepted.Count) - 1))])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var statuses = new List<ArticleStatus>();
        foreach (var chunk in sample.Chunk(8))
        {
            statuses.AddRange(await Task.WhenAll(chunk.Select(id =>
                query.GetArticleStatusAsync(new GetArticleStatusRequest { ArticleId = id }, cancellationToken))).ConfigureAwait(false));
        }
        var rates = new List<StageRate>();
        for (var stage = 0; stage < StageTimes.Length; stage++)
        {
            var (name, time) = StageTimes[stage];
            var times = statuses.Select(time).Where(t => t is not null).Select(t => t!.ToDateTimeOffset()).ToList();
            if (times.Count < 2)
            {
                continue;
            }
            var span = (times.Max() - times.Min()).TotalSeconds;
            var delays = stage == 0
                ? []
                : statuses
                    .Where(s => time(s) is not null && StageTimes[stage - 1].Time(s) is not null)
                    .Select(s => (time(s)!.ToDateTimeOffset() - StageTimes[stage - 1].Time(s)!.ToDateTimeOffset()).TotalMilliseconds)
                    .Order()
                    .ToList();
            rates.Add(new StageRate(name, span > 0 ? (accepted.Count - 1) / span : 0, LatencySummary.Percentile(delays, 0.5)));
        }
        return rates;
    }
}
