using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newsroom.Grpc.Tests.Infrastructure;
using Newsroom.Testing.V1;
using Xunit;

namespace Newsroom.Grpc.Tests.Wire;

/// <summary>
/// A real Kestrel server on loopback ports: plain-text HTTP/2 for gRPC, and HTTP/1.1 beside it
/// to show what a gRPC request over the wrong protocol gets.
/// </summary>
public class WireTestServer : IAsyncLifetime
{
    private readonly Action<GrpcServerOptions>? _configure;
    private WebApplication? _app;

    public WireTestServer()
    {
    }

    protected WireTestServer(Action<GrpcServerOptions> configure) => _configure = configure;

    public string Address { get; private set; } = "";

    public string Http1Address { get; private set; } = "";

    public string Target => new Uri(Address).Authority;

    public WireTestObservations Observations { get; } = new();

    public LogCollector Logs { get; } = new();

    public HealthStatusRegistry Health => _app!.Services.GetRequiredService<HealthStatusRegistry>();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddProvider(Logs);
        ListenOptions? http2 = null, http1 = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => (http2 = listen).Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, 0, listen => (http1 = listen).Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddGrpcServer(_configure);
        builder.Services.AddSingleton(Observations);
        _app = builder.Build();
        _app.MapGrpcService<WireTestService>();
        _app.MapGrpcHealthService();
        _app.MapGrpcReflectionService();
        await _app.StartAsync();

        // Kestrel writes the ports it bound back into the listen options.
        Address = $"http://127.0.0.1:{http2!.IPEndPoint!.Port}";
        Http1Address = $"http://127.0.0.1:{http1!.IPEndPoint!.Port}";
        await WarmUpAsync();
    }

    // A cold server on a busy 2-core machine can spend a scenario's whole 500 ms deadline
    // compiling the call path before the handler starts; one call of each kind first avoids that.
    private async Task WarmUpAsync()
    {
        using var channel = CreateChannel();
        await channel.UnaryCall(new GrpcMethod<EchoRequest, EchoReply>(WireTestService.Descriptor, "Echo"), new EchoRequest { Message = "warm-up" });
        using var count = channel.ServerStreamingCall(new GrpcMethod<CountRequest, CountReply>(WireTestService.Descriptor, "Count"), new CountRequest { Count = 1 });
        await count.ResponseStream.CountAsync();
    }

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => GrpcChannel.ForAddress(Address, options);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
