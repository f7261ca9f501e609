using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newsroom.ServiceDefaults;
using Xunit;

namespace Newsroom.Cli.Tests.Fakes;

/// <summary>
/// The fake query and ingest services behind what a real service puts in front of them: the
/// service defaults with TLS (a self-signed certificate made for the test) and API keys required
/// for both APIs.
/// </summary>
public sealed class SecuredNewsroomServer : IAsyncLifetime
{
    public const string ApiKey = "cli-test-key-0123456789";

    private WebApplication? _app;

    public SelfSignedCertificate Certificate { get; } = new();

    public FakeServerState State { get; } = new();

    public string Address { get; private set; } = "";

    /// <summary>The certificate as a client trusts it: a PEM file.</summary>
    public string CaCertificatePath => Certificate.PemPath;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grpc:Url"] = "https://127.0.0.1:0",
            ["Grpc:Certificate:Path"] = Certificate.PfxPath,
            ["Grpc:Certificate:Password"] = SelfSignedCertificate.Password,
            ["Auth:RequireForQuery"] = "true",
            ["Auth:ApiKeys:0:Key"] = ApiKey,
            ["Auth:ApiKeys:0:Client"] = "cli-tests",
        });
        builder.Logging.ClearProviders();
        builder.AddGrpcDefaults();
        builder.Services.AddSingleton(State);
        _app = builder.Build();
        _app.MapServiceDefaults();
        _app.MapGrpcService<FakeQueryService>().RequireClient(ServiceAccess.Query);
        _app.MapGrpcService<FakeIngestService>().RequireClient(ServiceAccess.Ingest);
        await _app.StartAsync();
        Address = _app.Urls.Single().Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Certificate.Dispose();
    }
}
