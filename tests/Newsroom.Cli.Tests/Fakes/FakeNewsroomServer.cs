using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Newsroom.Cli.Tests.Fakes;

/// <summary>
/// The fake query and ingest services on a real Kestrel server (loopback, HTTP/2), plus an
/// HTTP/1.1 port serving web pages for `ingest URL`.
/// </summary>
public sealed class FakeNewsroomServer : IAsyncLifetime
{
    public const string PageHtml = "<html><head><title>Kestrel Airways suspends Port Marrow flights</title></head><body><article><p>Kestrel Airways said on Wednesday it would suspend all flights to Port Marrow.</p></article></body></html>";

    private WebApplication? _app;

    public FakeServerState State { get; } = new();

    public string Address { get; private set; } = "";

    public string PagesAddress { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        ListenOptions? grpc = null, pages = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => (grpc = listen).Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, 0, listen => (pages = listen).Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(State);
        _app = builder.Build();
        _app.MapGrpcService<FakeQueryService>();
        _app.MapGrpcService<FakeIngestService>();
        _app.MapGet("/pages/airways.html", () => Results.Content(PageHtml, "text/html"));
        _app.MapGet("/pages/gone.html", () => Results.NotFound());
        await _app.StartAsync();
        Address = $"http://127.0.0.1:{grpc!.IPEndPoint!.Port}";
        PagesAddress = $"http://127.0.0.1:{pages!.IPEndPoint!.Port}";
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
