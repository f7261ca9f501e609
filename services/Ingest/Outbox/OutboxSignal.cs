using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Newsroom.Ingest;

/// <summary>
/// Links submissions to the <see cref="OutboxDispatcher"/>: a submission wakes the dispatcher as soon
/// as its article is stored, and may wait until the broker has confirmed that article's event.
/// </summary>
public sealed class OutboxSignal(IngestStore store)
{
    // One pending wake-up is enough: the dispatcher reads every pending event when it wakes.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _confirmations = new(StringComparer.Ordinal);

    /// <summary>Tells the dispatcher that there is something to publish.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Waits until <see cref="Wake"/> is called or <paramref name="limit"/> passes.</summary>
    public async Task WaitForWorkAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await _wake.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed; look again anyway.
        }
    }

    /// <summary>Called by the dispatcher once the article's event is confirmed and marked sent.</summary>
    public void Confirmed(string articleId)
    {
        if (_confirmations.TryRemove(articleId, out var confirmation))
        {
            confirmation.TrySetResult();
        }
    }

    /// <summary>True once the article's event is confirmed; false when <paramref name="limit"/> passed first.</summary>
    public async Task<bool> WaitUntilConfirmedAsync(string articleId, TimeSpan limit, CancellationToken cancellationToken)
    {
        var confirmation = _confirmations.GetOrAdd(articleId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        // The dispatcher marks the row before it signals, so either the row or the signal tells.
        if (!store.IsEventPending(articleId))
        {
            _confirmations.TryRemove(KeyValuePair.Create(articleId, confirmation));
            return true;
        }
        try
        {
            await confirmation.Task.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
