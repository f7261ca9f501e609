using System.Collections.Concurrent;

namespace Newsroom.Ingest.Tests;

/// <summary>Passes items to a real sink and keeps every result, for sources under test.</summary>
internal sealed class RecordingSink(IArticleSink inner) : IArticleSink
{
    public ConcurrentQueue<IngestResult> Results { get; } = new();

    public async Task<IngestResult> SubmitAsync(RawArticle article, CancellationToken cancellationToken) =>
        Record(await inner.SubmitAsync(article, cancellationToken));

    public async Task<IngestResult> RejectAsync(string clientRef, string? url, string reason, CancellationToken cancellationToken) =>
        Record(await inner.RejectAsync(clientRef, url, reason, cancellationToken));

    /// <summary>Waits until <paramref name="condition"/> holds; the generous limit only turns a hang into a failure.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyCollection<IngestResult>, bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition(Results))
        {
            await Task.Delay(50, limit.Token);
        }
    }

    private IngestResult Record(IngestResult result)
    {
        Results.Enqueue(result);
        return result;
    }
}
