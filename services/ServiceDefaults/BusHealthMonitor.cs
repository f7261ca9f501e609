using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newsroom.Grpc;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// Mirrors the bus connection into gRPC health: the overall status ("") is SERVING only while the
/// bus is healthy, so a container probe or load balancer stops sending work to a service that
/// could not pass it on.
/// </summary>
internal sealed partial class BusHealthMonitor(IBusControl bus, HealthStatusRegistry health, ILogger<BusHealthMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        bool? wasHealthy = null;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            var result = bus.CheckHealth();
            var healthy = result.Status == BusHealthStatus.Healthy;
            health.SetServing(string.Empty, healthy);
            if (healthy != wasHealthy)
            {
                if (healthy)
                {
                    LogBusHealthy(logger);
                }
                else
                {
                    LogBusUnhealthy(logger, result.Status, result.Description);
                }
                wasHealthy = healthy;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bus connected; reporting SERVING")]
    private static partial void LogBusHealthy(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bus {Status}: {Description}; reporting NOT_SERVING until it recovers. Check that the broker in Bus:Uri is running and reachable")]
    private static partial void LogBusUnhealthy(ILogger logger, BusHealthStatus status, string description);
}
