using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// Unhealthy from the moment the host starts to stop, so that health turns NOT_SERVING while
/// in-flight calls drain and load balancers stop sending new ones.
/// </summary>
internal sealed class HostStoppingHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public const string Name = "host";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("The service is stopping.")
            : HealthCheckResult.Healthy());
}
