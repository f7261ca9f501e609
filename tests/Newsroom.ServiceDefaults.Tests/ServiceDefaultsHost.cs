using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Newsroom.ServiceDefaults.Tests;

/// <summary>
/// A host composed with the service defaults as every Newsroom service is (in-memory bus), serving
/// <see cref="ScriptedQueryService"/> and <see cref="ScriptedIngestService"/> with their access
/// rules over real HTTP/2 on a loopback port, and JSON over HTTP on another, with its log recorded.
/// It accepts one API key, <see cref="ApiKey"/> of client <see cref="ClientName"/>;
/// <paramref name="settings"/> add, override or (with null) remove configuration.
/// </summary>
public sealed class ServiceDefaultsHost(IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public const string ApiKey = "test-key-0123456789abcdef";

    public const string ClientName = "wire-desk";

    public WebApplication App { get; private set; } = null!;

    public RecordedLog Log { get; } = new();

    public GrpcChannel Channel { get; private set; } = null!;

    /// <summary>The gRPC address, as the host bound it.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The JSON over HTTP address.</summary>
    public Uri HttpAddress { get; private set; } = null!;

    /// <summary>Runs <paramref name="test"/> on a host started with <paramref name="settings"/>, and stops it after.</summary>
    public static async Task RunAsync(IReadOnlyDictionary<string, string?> settings, Func<ServiceDefaultsHost, Task> test)
    {
        var host = new ServiceDefaultsHost(settings);
        try
        {
            await host.InitializeAsync();
            await test(host);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    public async Task InitializeAsync()
    {
        App = Build(settings, Log);
        await App.StartAsync();
        // Service defaults bind gRPC first, then HTTP.
        Address = new Uri(App.Urls.First());
        HttpAddress = new Uri(App.Urls.Last());
        Channel = GrpcChannel.ForAddress(Address);
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }

    /// <summary>The host, built but not started.</summary>
    public static WebApplication Build(IReadOnlyDictionary<string, string?>? settings, RecordedLog log)
    {
        var builder = WebApplication.CreateBuilder();
        var configuration = new Dictionary<string, string?>
        {
            ["Grpc:Url"] = "http://127.0.0.1:0",
            ["Http:Url"] = "http://127.0.0.1:0",
            ["Bus:Uri"] = BusOptions.InMemory,
            ["Logging:LogLevel:Default"] = "Debug",
            ["Auth:ApiKeys:0:Key"] = ApiKey,
            ["Auth:ApiKeys:0:Client"] = ClientName,
        };
        // A null value removes a default setting.
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                configuration.Remove(key);
            }
            else
            {
                configuration[key] = value;
            }
        }
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddServiceDefaults();
        builder.Logging.ClearProviders().AddProvider(log);
        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGrpcService<ScriptedQueryService>().RequireClient(ServiceAccess.Query);
        app.MapGrpcService<ScriptedIngestService>().RequireClient(ServiceAccess.Ingest);
        return app;
    }
}
