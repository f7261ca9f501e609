using System.Threading.Channels;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Newsroom.Grpc;

/// <summary>
/// The serving status of each service ("" for the whole server), as health checks report it.
/// Services change it at run time, for example when the message bus connection drops.
/// </summary>
public sealed class HealthStatusRegistry
{
    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal) { [""] = ServingStatus.Serving };
    private readonly List<(string Service, ChannelWriter<ServingStatus> Watcher)> _watchers = [];
    private readonly Lock _lock = new();

    public void SetServing(string service, bool serving) =>
        SetStatus(service, serving ? ServingStatus.Serving : ServingStatus.NotServing);

    public void SetStatus(string service, ServingStatus status)
    {
        lock (_lock)
        {
            _statuses[service] = status;
            foreach (var (watched, watcher) in _watchers)
            {
                if (watched == service)
                {
                    watcher.TryWrite(status);
                }
            }
        }
    }

    /// <summary>Every known service as NOT_SERVING, so that balancers drain this server before it stops.</summary>
    public void SetAllNotServing()
    {
        lock (_lock)
        {
            foreach (var service in _statuses.Keys.ToList())
            {
                SetStatus(service, ServingStatus.NotServing);
            }
        }
    }

    /// <summary>The status of a known service, or null.</summary>
    public ServingStatus? GetStatus(string service)
    {
        lock (_lock)
        {
            return _statuses.TryGetValue(service, out var status) ? status : null;
        }
    }

    /// <summary>The current status (SERVICE_UNKNOWN for an unknown service), then every change, until cancelled.</summary>
    public async IAsyncEnumerable<ServingStatus> WatchAsync(string service, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Only the latest status matters to a watcher that falls behind.
        var channel = Channel.CreateBounded<ServingStatus>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_lock)
        {
            channel.Writer.TryWrite(_statuses.TryGetValue(service, out var status) ? status : ServingStatus.ServiceUnknown);
            _watchers.Add((service, channel.Writer));
        }

        try
        {
            ServingStatus? last = null;
            await foreach (var status in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (status != last)
                {
                    last = status;
                    yield return status;
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                _watchers.RemoveAll(w => w.Watcher == channel.Writer);
            }
        }
    }
}
