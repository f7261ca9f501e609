using Microsoft.Extensions.Options;
using Newsroom.Contracts.Events;

namespace Newsroom.Dedup;

/// <summary>
/// Lets extracted articles through to story decisions in ingest's order (<see cref="ArticleIngested.Sequence"/>).
/// Extraction works on many articles at once and finishes them out of order; dedup holds each one, unacknowledged
/// so that a crash loses nothing, until the articles numbered before it are decided. Then the same input gives the
/// same stories, run after run and as <c>newsroom replay</c> gives them. An article extraction parked is passed
/// over as soon as its fault arrives (<see cref="PassOverAsync"/>); any other gap still open after
/// <see cref="ResequencingOptions.Wait"/> is passed over too, so one lost article delays the others by at most that.
/// A passed-over article is decided when it comes, as is one that arrives after its turn or carries no number.
/// </summary>
public sealed partial class ArticleResequencer(StoryClusterer clusterer, IOptions<ResequencingOptions> options, TimeProvider time, ILogger<ArticleResequencer> logger) : IDisposable
{
    private readonly TimeSpan _wait = options.Value.Wait;
    private readonly int _window = options.Value.Window;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, TaskCompletionSource> _waiting = [];
    private readonly SemaphoreSlim _storeRead = new(1, 1);

    /// <summary>Numbers after the current turn that will never come (their articles were parked before dedup).</summary>
    private readonly SortedSet<long> _passedOver = [];

    /// <summary>The number whose turn it is; 0 until the first article, then read from the decisions stored.</summary>
    private long _next;

    /// <summary>The end of the window last logged as full, so that it is logged once, not for every article beyond it.</summary>
    private long _windowEnd;

    /// <summary>
    /// Since when every article that came was refused as beyond the window while none waited in it, and the lowest
    /// of them; null at a new turn. No wait runs then, so this is what passes over the gap (a store that starts empty
    /// while ingest's numbers are far along, or a gap wider than the window).
    /// </summary>
    private (DateTimeOffset Since, long Lowest)? _refused;

    /// <summary>How many articles wait for an earlier one.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>
    /// Waits for the article's turn, and says whether it came. Call <see cref="Leave"/> once the article is decided,
    /// or has failed for good; an attempt that failed and will be retried keeps the turn, so the retry comes before
    /// the articles after it. An article too far ahead of the turn to wait (<see cref="ResequencingOptions.Window"/>)
    /// is refused at once: the caller sends it to the back of the queue, so that the articles before it, queued
    /// behind it, can arrive.
    /// </summary>
    public async Task<bool> EnterAsync(long sequence, CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        TaskCompletionSource signal;
        while (true)
        {
            bool gapOutlastedWait;
            lock (_gate)
            {
                if (sequence <= _next)
                {
                    return true;
                }
                if (sequence < _next + _window)
                {
                    // Passed over as parked, it came after all (replayed from the _error queue): it takes its turn as usual.
                    _passedOver.Remove(sequence);
                    if (!_waiting.TryGetValue(sequence, out signal!))
                    {
                        signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        _waiting[sequence] = signal;
                    }
                    break;
                }
                if (_windowEnd != _next + _window)
                {
                    _windowEnd = _next + _window;
                    LogBeyondWindow(sequence, _next, _window);
                }
                gapOutlastedWait = GapBeforeRefusedOutlastedWait(sequence);
            }
            if (!gapOutlastedWait)
            {
                return false;
            }
            // Another replica may have decided the missing articles meanwhile; else the gap is passed over.
            await CatchUpWithStoreAsync(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                // Unless the turn moved meanwhile (which forgets the refusals), and then the article is looked at again.
                if (_refused is { Lowest: var lowest } && _waiting.Count == 0 && lowest >= _next + _window)
                {
                    LogGapPassed(_next, lowest - 1, _wait.TotalSeconds);
                    Advance(lowest);
                }
            }
        }

        try
        {
            while (true)
            {
                try
                {
                    await signal.Task.WaitAsync(_wait, time, cancellationToken).ConfigureAwait(false);
                    return true;
                }
                catch (TimeoutException)
                {
                }
                // Another replica may have decided the missing articles while this one stood by.
                await CatchUpWithStoreAsync(cancellationToken).ConfigureAwait(false);
                lock (_gate)
                {
                    if (_next >= sequence)
                    {
                        return true;
                    }
                    // Only the first waiter passes over the gap before it; a later one waits for its own turn again.
                    if (_waiting.First().Key == sequence)
                    {
                        LogGapPassed(_next, sequence - 1, _wait.TotalSeconds);
                        _waiting.Remove(sequence);
                        Advance(sequence);
                        return true;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                if (_waiting.TryGetValue(sequence, out var current) && current == signal)
                {
                    _waiting.Remove(sequence);
                }
            }
            throw;
        }
    }

    /// <summary>Ends an article's turn; a turn already ended, a late article's or an unnumbered one's changes nothing.</summary>
    public void Leave(long sequence)
    {
        lock (_gate)
        {
            if (sequence >= _next)
            {
                Advance(sequence + 1);
            }
        }
    }

    /// <summary>Whether the article whose turn comes right after this one's is already waiting for it.</summary>
    public bool NextIsWaiting(long sequence)
    {
        lock (_gate)
        {
            var next = sequence + 1;
            while (_passedOver.Contains(next))
            {
                next++;
            }
            return _waiting.ContainsKey(next);
        }
    }

    /// <summary>
    /// Gives the turn back to an article whose decision was rolled back after its turn had ended (the commit of
    /// its group failed), so that its retry comes before the articles after it.
    /// </summary>
    public void Rewind(long sequence)
    {
        lock (_gate)
        {
            if (sequence > 0 && sequence < _next)
            {
                _next = sequence;
            }
        }
    }

    /// <summary>
    /// An article that will not reach dedup (extraction parked it in its <c>_error</c> queue): those after it
    /// need not wait for it. If it is replayed from there later, it is decided when it comes.
    /// </summary>
    public async Task PassOverAsync(long sequence, CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (sequence == _next)
            {
                Advance(sequence + 1);
            }
            else if (sequence > _next)
            {
                _passedOver.Add(sequence);
            }
        }
    }

    /// <summary>Records a refused article; true once articles have been refused, and none waited, for the whole wait.</summary>
    private bool GapBeforeRefusedOutlastedWait(long sequence)
    {
        if (_waiting.Count > 0)
        {
            // A waiting article's own wait passes over the gap before it.
            return false;
        }
        var now = time.GetUtcNow();
        var (since, lowest) = _refused ?? (now, sequence);
        _refused = (since, Math.Min(lowest, sequence));
        return now - since >= _wait;
    }

    /// <summary>Takes the first turn after the decisions stored, once.</summary>
    private Task StartAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _next) == 0 ? CatchUpWithStoreAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// Moves the turn past the decisions stored: at the first article, and when a wait runs out. One caller reads
    /// the store while the others wait without holding a thread, however many articles arrive at once.
    /// </summary>
    private async Task CatchUpWithStoreAsync(CancellationToken cancellationToken)
    {
        await _storeRead.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var decided = clusterer.LastDecidedSequence;
            lock (_gate)
            {
                Advance(decided + 1);
            }
        }
        finally
        {
            _storeRead.Release();
        }
    }

    /// <summary>
    /// Moves the turn forward to <paramref name="next"/>, or past it while it is a number passed over, and lets
    /// through every waiting article whose turn has come: the next one, and any the turn moved past.
    /// </summary>
    private void Advance(long next)
    {
        if (next > _next)
        {
            _passedOver.RemoveWhere(n => n < next);
            while (_passedOver.Remove(next))
            {
                next++;
            }
            _next = next;
            _refused = null;
        }
        while (_waiting.Count > 0 && _waiting.First() is { Key: var waiting, Value: var signal } && waiting <= _next)
        {
            _waiting.Remove(waiting);
            signal.TrySetResult();
        }
    }

    public void Dispose() => _storeRead.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {Sequence} and any others numbered {Window} or more after the turn ({Next}) go to the back of the queue until the turn comes nearer: those before them are queued behind them")]
    private partial void LogBeyondWindow(long sequence, long next, int window);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Articles numbered {From} to {To} were not decided within {Seconds} s; deciding later ones without them, and each of them when it comes (extraction's or dedup's _error queue holds any parked one)")]
    private partial void LogGapPassed(long from, long to, double seconds);
}
