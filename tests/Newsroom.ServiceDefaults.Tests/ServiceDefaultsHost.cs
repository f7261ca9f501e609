using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Newsroom.ServiceDefaults.Tests;

/// <summary>
/// A host composed with the service defaults as every Newsroom service is (in-memory bus), serving
/// <see cref="ScriptedQueryService"/> over real HTTP/2 on a loopback port, with its log recorded.
/// </summary>
public sealed class ServiceDefaultsHost : IAsyncLifetime
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public WebApplication App { get; private set; } = null!;

    public RecordedLog Log { get; } = new();

    public GrpcChannel Channel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grpc:Url"] = "http://127.0.0.1:0",
            ["Bus:Uri"] = BusOptions.InMemory,
            ["Logging:LogLevel:Default"] = "Debug",
        });
        builder.AddServiceDefaults();
        builder.Logging.ClearProviders().AddProvider(Log);
        App = builder.Build();
        App.MapServiceDefaults();
        App.MapGrpcService<ScriptedQueryService>();
        await App.StartAsync();
        Channel = GrpcChannel.ForAddress(App.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
