using System.Threading.Channels;
using Newsroom.Contracts.V1;

namespace Newsroom.Query;

/// <summary>One live subscriber of <see cref="StoryUpdateBroadcaster"/>, with its own bounded queue.</summary>
public sealed class StoryWatcher : IDisposable
{
    private readonly Channel<StoryUpdate> _updates;
    private readonly Action<StoryWatcher> _unsubscribe;
    private int _dropped;

    internal StoryWatcher(int capacity, Action<StoryWatcher> unsubscribe)
    {
        _updates = Channel.CreateBounded<StoryUpdate>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _unsubscribe = unsubscribe;
    }

    /// <summary>True once the watcher fell too far behind and stopped receiving updates.</summary>
    public bool Dropped => Volatile.Read(ref _dropped) == 1;

    /// <summary>The updates in publication order; ends after <see cref="Drop"/> once the queued ones are read.</summary>
    public IAsyncEnumerable<StoryUpdate> ReadAllAsync(CancellationToken cancellationToken) => _updates.Reader.ReadAllAsync(cancellationToken);

    internal bool TryOffer(StoryUpdate update) => _updates.Writer.TryWrite(update);

    internal void Drop()
    {
        Interlocked.Exchange(ref _dropped, 1);
        _updates.Writer.TryComplete();
        _unsubscribe(this);
    }

    public void Dispose()
    {
        _updates.Writer.TryComplete();
        _unsubscribe(this);
    }
}
