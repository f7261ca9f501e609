using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Newsroom.ServiceDefaults;

/// <summary>Unhealthy while the <see cref="ConnectionWatchEndpoint"/> is not connected, that is while the broker is unreachable.</summary>
internal sealed class ConnectionWatchHealthCheck(IBusControl bus) : IHealthCheck
{
    public const string Name = "broker-connection";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var watch = bus.CheckHealth().Endpoints.Where(e => ConnectionWatchEndpoint.Watches(e.Key)).Select(e => e.Value.Status).ToList();
        return Task.FromResult(watch is [BusHealthStatus.Healthy]
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The connection to the message broker is down; check that the broker in Bus:Uri is running and reachable."));
    }
}
