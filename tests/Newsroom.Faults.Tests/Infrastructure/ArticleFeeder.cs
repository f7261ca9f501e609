using System.Collections.Concurrent;
using Grpc.Core;
using Newsroom.Contracts.V1;

namespace Newsroom.Faults.Tests.Infrastructure;

/// <summary>
/// A client that streams articles into ingest in SubmitArticles batches from several workers and,
/// like a careful producer, sends a batch again (the same articles) whenever the call fails, until
/// every article has an answer: accepted, duplicate or rejected.
/// </summary>
public sealed class ArticleFeeder(FaultPipeline pipeline)
{
    // The statuses a call gets while ingest or the broker is down or restarting.
    private static readonly HashSet<StatusCode> Transient =
        [StatusCode.Unavailable, StatusCode.Internal, StatusCode.Cancelled, StatusCode.DeadlineExceeded, StatusCode.Unknown, StatusCode.Aborted];

    private readonly ConcurrentDictionary<string, SubmitArticleResult> _results = new();
    private int _failedCalls;

    /// <summary>Articles per call.</summary>
    public int BatchSize { get; init; } = 10;

    /// <summary>Calls in flight at once.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>A pause after each answered batch, so that the stream lasts long enough for faults to land in it.</summary>
    public TimeSpan Pace { get; init; } = TimeSpan.Zero;

    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Articles with a final answer so far.</summary>
    public int Answered => _results.Count;

    /// <summary>Calls that failed and were sent again.</summary>
    public int FailedCalls => _failedCalls;

    /// <summary>The final answer for each article, by client ref.</summary>
    public IReadOnlyDictionary<string, SubmitArticleResult> Results => _results;

    /// <summary>The ids of the articles ingest took: accepted, or a duplicate of one it has.</summary>
    public IReadOnlyCollection<string> TakenIds => _results.Values
        .Where(r => r.Outcome is SubmitArticleResult.Types.Outcome.Accepted or SubmitArticleResult.Types.Outcome.Duplicate)
        .Select(r => r.ArticleId)
        .ToHashSet();

    /// <summary>Sends every article until each has an answer; fails after <paramref name="limit"/> naming what is still unanswered and why.</summary>
    public async Task FeedAsync(IReadOnlyList<SubmitArticleRequest> articles, TimeSpan limit, CancellationToken cancellationToken = default)
    {
        var batches = new ConcurrentQueue<SubmitArticleRequest[]>(articles.Chunk(BatchSize));
        var deadline = DateTime.UtcNow + limit;
        var lastErrors = new ConcurrentDictionary<int, string>();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(
            async () =>
            {
                while (batches.TryDequeue(out var batch))
                {
                    while (!await TrySendAsync(batch, error => lastErrors[worker] = error, cancellationToken))
                    {
                        if (DateTime.UtcNow > deadline)
                        {
                            var missing = articles.Select(a => a.ClientRef).Where(r => !_results.ContainsKey(r)).ToList();
                            throw new TimeoutException(
                                $"{missing.Count} of {articles.Count} articles still had no answer from ingest after {limit.TotalSeconds} s of retries " +
                                $"({string.Join(", ", missing.Take(10))}); last failures: {string.Join("; ", lastErrors.Values)}.\n{pipeline.Ingest.Describe()}");
                        }
                        await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                    }
                    await Task.Delay(Pace, cancellationToken);
                }
            },
            cancellationToken)));
        pipeline.Log($"fed {articles.Count} articles: {Count(SubmitArticleResult.Types.Outcome.Accepted)} accepted, {Count(SubmitArticleResult.Types.Outcome.Duplicate)} duplicate, {Count(SubmitArticleResult.Types.Outcome.Rejected)} rejected; {FailedCalls} calls failed and were sent again");
    }

    /// <summary>Waits until at least <paramref name="count"/> articles have an answer (or <paramref name="feeding"/> ends).</summary>
    public async Task WaitForAnswersAsync(int count, Task feeding)
    {
        while (Answered < count && !feeding.IsCompleted)
        {
            await Task.Delay(20);
        }
    }

    private async Task<bool> TrySendAsync(SubmitArticleRequest[] batch, Action<string> recordError, CancellationToken cancellationToken)
    {
        try
        {
            var response = await pipeline.Client.SubmitAllAsync(pipeline.Ingest.Address, batch, CallTimeout, cancellationToken);
            foreach (var result in response.Results)
            {
                _results[result.ClientRef] = result;
            }
            return true;
        }
        catch (RpcException e) when (Transient.Contains(e.StatusCode) && !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failedCalls);
            recordError($"{batch[0].ClientRef}..: {e.StatusCode} {e.Status.Detail}");
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // Writing to a call whose server just died.
            Interlocked.Increment(ref _failedCalls);
            recordError($"{batch[0].ClientRef}..: {e.GetType().Name} {e.Message}");
            return false;
        }
    }

    private int Count(SubmitArticleResult.Types.Outcome outcome) => _results.Values.Count(r => r.Outcome == outcome);
}
