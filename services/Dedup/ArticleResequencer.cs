using Microsoft.Extensions.Options;
using Newsroom.Contracts.Events;

namespace Newsroom.Dedup;

/// <summary>
/// Lets extracted articles through to story decisions in ingest's order (<see cref="ArticleIngested.Sequence"/>).
/// Extraction works on many articles at once and finishes them out of order; dedup holds each one, unacknowledged
/// so that a crash loses nothing, until the articles numbered before it are decided. Then the same input gives the
/// same stories, run after run and as <c>newsroom replay</c> gives them. A gap still open after
/// <see cref="ResequencingOptions.Wait"/> is passed over, so one missing article delays the others by at most that;
/// it is decided when it comes, as is an article that arrives after its turn or carries no number.
/// </summary>
public sealed partial class ArticleResequencer(StoryClusterer clusterer, IOptions<ResequencingOptions> options, TimeProvider time, ILogger<ArticleResequencer> logger)
{
    private readonly TimeSpan _wait = options.Value.Wait;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, TaskCompletionSource> _waiting = [];

    /// <summary>The number whose turn it is; 0 until the first article, then read from the decisions stored.</summary>
    private long _next;

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

    /// <summary>Waits for the article's turn; dispose the result once the article is decided, or failed.</summary>
    public async Task<IDisposable> EnterAsync(long sequence, CancellationToken cancellationToken)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_next == 0)
            {
                _next = clusterer.LastDecidedSequence + 1;
            }
            if (sequence <= _next)
            {
                return new Turn(this, sequence);
            }
            if (!_waiting.TryGetValue(sequence, out signal!))
            {
                signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting[sequence] = signal;
            }
        }

        try
        {
            while (true)
            {
                try
                {
                    await signal.Task.WaitAsync(_wait, time, cancellationToken).ConfigureAwait(false);
                    return new Turn(this, sequence);
                }
                catch (TimeoutException)
                {
                }
                lock (_gate)
                {
                    if (_next >= sequence)
                    {
                        return new Turn(this, sequence);
                    }
                    // Only the first waiter passes over the gap before it; a later one waits for its own turn again.
                    if (_waiting.First().Key == sequence)
                    {
                        LogGapPassed(_next, sequence - 1, _wait.TotalSeconds);
                        _waiting.Remove(sequence);
                        _next = sequence;
                        return new Turn(this, sequence);
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
    private void Leave(long sequence)
    {
        lock (_gate)
        {
            if (sequence >= _next)
            {
                _next = sequence + 1;
                if (_waiting.Remove(_next, out var following))
                {
                    following.TrySetResult();
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Articles numbered {From} to {To} did not reach dedup within {Seconds} s; deciding later ones without them, and each of them when it comes (see extraction's _error queue if they never do)")]
    private partial void LogGapPassed(long from, long to, double seconds);

    private sealed class Turn(ArticleResequencer owner, long sequence) : IDisposable
    {
        public void Dispose() => owner.Leave(sequence);
    }
}
