using Grpc.Core;
using Grpc.Health.V1;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Xunit;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Newsroom.ServiceDefaults.Tests;

public sealed class HealthTests : IAsyncLifetime
{
    private readonly ServiceDefaultsHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    private Health.HealthClient Client => new(_host.Channel);

    private async Task<ServingStatus> CheckAsync(string service = "") =>
        (await Client.CheckAsync(new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow + ServiceDefaultsHost.CallTimeout)).Status;

    [Fact]
    public async Task Health_is_SERVING_while_the_bus_runs_and_NOT_SERVING_once_it_stops()
    {
        Assert.Equal(ServingStatus.Serving, await CheckAsync());

        await _host.App.Services.GetRequiredService<IBusControl>().StopAsync();

        Assert.Equal(ServingStatus.NotServing, await CheckAsync());
    }

    [Fact]
    public async Task An_unknown_service_name_is_NOT_FOUND()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => CheckAsync("no.such.Service"));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_watch_turns_NOT_SERVING_when_the_host_starts_to_stop()
    {
        using var watch = Client.Watch(new HealthCheckRequest(), deadline: DateTime.UtcNow + ServiceDefaultsHost.CallTimeout);
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(ServingStatus.Serving, watch.ResponseStream.Current.Status);

        _host.App.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(ServingStatus.NotServing, watch.ResponseStream.Current.Status);
    }

    [Fact]
    public async Task The_host_check_is_unhealthy_from_the_moment_the_host_starts_to_stop()
    {
        var lifetime = _host.App.Services.GetRequiredService<IHostApplicationLifetime>();
        var check = new HostStoppingHealthCheck(lifetime);

        var before = await check.CheckHealthAsync(new HealthCheckContext());
        lifetime.StopApplication();
        var after = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal((HealthStatus.Healthy, HealthStatus.Unhealthy), (before.Status, after.Status));
    }
}
