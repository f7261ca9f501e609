using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Newsroom.Grpc.Benchmarks;

/// <summary>A Kestrel server on a free loopback port that speaks plain-text HTTP/2 only and logs nothing.</summary>
internal sealed class LoopbackHttp2Server : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackHttp2Server(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<LoopbackHttp2Server> StartAsync(Action<IServiceCollection> addServices, Action<WebApplication> mapEndpoints)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        ListenOptions? http2 = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => (http2 = listen).Protocols = HttpProtocols.Http2));
        addServices(builder.Services);
        var app = builder.Build();
        mapEndpoints(app);
        await app.StartAsync();

        // Kestrel writes the port it bound back into the listen options.
        return new LoopbackHttp2Server(app, new Uri($"http://127.0.0.1:{http2!.IPEndPoint!.Port}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
