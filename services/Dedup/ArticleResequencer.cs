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
    /// <summary>The articles waiting for their turn, each with its signal: true when the turn comes, false when sent to the back of the queue.</summary>
    private readonly SortedDictionary<long, TaskCompletionSource<bool>> _waiting = [];
    private readonly SemaphoreSlim _storeRead = new(1, 1);

    /// <summary>Numbers after the current turn that will never come (their articles were parked before dedup).</summary>
    private readonly SortedSet<long> _passedOver = [];

    /// <summary>The number whose turn it is; 0 until the first article, then read from the decisions stored.</summary>
    private long _next;

    /// <summary>The turn at which a full window was last logged, so that it is logged once a turn, not for every article sent back.</summary>
    private long _loggedFullAt = -1;

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
    /// the articles after it. When more than <see cref="ResequencingOptions.Window"/> articles would wait, the one
    /// numbered highest is sent back (false, at once or later): the caller sends it to the back of the queue, so that
    /// the articles before it, queued behind it, can arrive. The window keeps the articles whose turns come first.
    /// </summary>
    public async Task<bool> EnterAsync(long sequence, CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        TaskCompletionSource<bool> signal;
        lock (_gate)
        {
            if (sequence <= _next)
            {
                return true;
            }
            // Passed over as parked, it came after all (replayed from the _error queue): it takes its turn as usual.
            _passedOver.Remove(sequence);
            if (!_waiting.TryGetValue(sequence, out signal!))
            {
                signal = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting[sequence] = signal;
            }
            if (_waiting.Count > _window)
            {
                var (highest, sentBack) = _waiting.Last();
                _waiting.Remove(highest);
                sentBack.TrySetResult(false);
                if (_loggedFullAt != _next)
                {
                    _loggedFullAt = _next;
                    LogWindowFull(highest, _window, _next);
                }
            }
        }

        try
        {
            while (true)
            {
                try
                {
                    return await signal.Task.WaitAsync(_wait, time, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                }
                // Another replica may have decided the missing articles while this one stood by.
                await CatchUpWithStoreAsync(cancellationToken).ConfigureAwait(false);
                lock (_gate)
                {
                    if (signal.Task.IsCompleted)
                    {
                        // Its turn came, or it was sent back, while the store was read.
                        continue;
                    }
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
        }
        while (_waiting.Count > 0 && _waiting.First() is { Key: var waiting, Value: var signal } && waiting <= _next)
        {
            _waiting.Remove(waiting);
            signal.TrySetResult(true);
        }
    }

    public void Dispose() => _storeRead.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {Sequence} and others numbered highest go to the back of the queue while {Window} articles wait for the turn ({Next}): those before them are queued behind them")]
    private partial void LogWindowFull(long sequence, int window, long next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Articles numbered {From} to {To} were not decided within {Seconds} s; deciding later ones without them, and each of them when it comes (extraction's or dedup's _error queue holds any parked one)")]
    private partial void LogGapPassed(long from, long to, double seconds);
}
