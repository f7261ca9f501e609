using System.Net;
using System.Security.Authentication;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Newsroom.Contracts.V1;
using Xunit;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Newsroom.ServiceDefaults.Tests;

/// <summary>TLS on the gRPC and JSON endpoints from configuration, with a certificate made for the test.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly SelfSignedCertificate _certificate = new();

    public void Dispose() => _certificate.Dispose();

    private static DateTime Deadline => DateTime.UtcNow + ServiceDefaultsHost.CallTimeout;

    private Dictionary<string, string?> PfxSettings => new()
    {
        ["Grpc:Url"] = "https://127.0.0.1:0",
        ["Grpc:Certificate:Path"] = _certificate.PfxPath,
        ["Grpc:Certificate:Password"] = SelfSignedCertificate.Password,
        ["Http:Url"] = "https://127.0.0.1:0",
    };

    private async Task<ServingStatus> CheckAsync(Uri address)
    {
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = _certificate.TrustingHandler() });
        return (await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: Deadline)).Status;
    }

    [Fact]
    public async Task A_gRPC_client_that_trusts_the_certificate_calls_over_TLS_and_JSON_shares_the_certificate()
    {
        await ServiceDefaultsHost.RunAsync(PfxSettings, async host =>
        {
            Assert.Equal(Uri.UriSchemeHttps, host.Address.Scheme);
            using var channel = GrpcChannel.ForAddress(host.Address, new GrpcChannelOptions { HttpHandler = _certificate.TrustingHandler() });
            var result = await new IngestService.IngestServiceClient(channel).SubmitArticleAsync(
                new SubmitArticleRequest { ClientRef = "a1", Text = "Text." }, new Metadata { { "x-api-key", ServiceDefaultsHost.ApiKey } }, Deadline);
            using var http = new HttpClient(_certificate.TrustingHandler()) { BaseAddress = host.HttpAddress };
            using var json = await http.GetAsync(new Uri("/v1/articles/a1/status", UriKind.Relative));

            Assert.Equal(ServiceDefaultsHost.ClientName, result.Reason);
            Assert.Equal((Uri.UriSchemeHttps, HttpStatusCode.NotFound), (host.HttpAddress.Scheme, json.StatusCode));
        });
    }

    [Fact]
    public async Task The_gRPC_endpoint_also_answers_HTTP_1_1_over_TLS()
    {
        await ServiceDefaultsHost.RunAsync(PfxSettings, async host =>
        {
            using var http = new HttpClient(_certificate.TrustingHandler()) { BaseAddress = host.Address, DefaultRequestVersion = HttpVersion.Version11 };

            using var json = await http.GetAsync(new Uri("/v1/articles/a1/status", UriKind.Relative));

            Assert.Equal((HttpVersion.Version11, HttpStatusCode.NotFound), (json.Version, json.StatusCode));
        });
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_certificate_is_refused()
    {
        await ServiceDefaultsHost.RunAsync(PfxSettings, async host =>
        {
            var error = await Assert.ThrowsAsync<RpcException>(() =>
                new Health.HealthClient(GrpcChannel.ForAddress(host.Address)).CheckAsync(new HealthCheckRequest(), deadline: Deadline).ResponseAsync);

            // The TLS handshake failed: the server's certificate is not trusted.
            Assert.Contains(Causes(error), cause => cause is AuthenticationException);
        });
    }

    private static IEnumerable<Exception> Causes(RpcException error)
    {
        for (var cause = error.Status.DebugException; cause is not null; cause = cause.InnerException)
        {
            yield return cause;
        }
    }

    [Fact]
    public async Task A_PEM_certificate_with_its_key_file_serves_TLS()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Grpc:Url"] = "https://127.0.0.1:0",
            ["Grpc:Certificate:Path"] = _certificate.PemPath,
            ["Grpc:Certificate:KeyPath"] = _certificate.KeyPath,
        };

        await ServiceDefaultsHost.RunAsync(settings, async host => Assert.Equal(ServingStatus.Serving, await CheckAsync(host.Address)));
    }

    [Fact]
    public async Task The_healthcheck_command_probes_a_TLS_endpoint()
    {
        await ServiceDefaultsHost.RunAsync(PfxSettings, async host =>
        {
            var exitCode = await HealthCheckCommand.RunAsync(
            [
                HealthCheckCommand.Argument,
                $"--Grpc:Url={host.Address}",
                $"--Grpc:Certificate:Path={_certificate.PfxPath}",
                $"--Grpc:Certificate:Password={SelfSignedCertificate.Password}",
            ]);

            Assert.Equal(0, exitCode);
        });
    }

    [Fact]
    public void An_https_address_without_a_certificate_stops_the_host_and_names_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceDefaultsHost.Build(new Dictionary<string, string?> { ["Grpc:Url"] = "https://127.0.0.1:0" }, new RecordedLog()));

        Assert.Contains("set Grpc:Certificate:Path", error.Message, StringComparison.Ordinal);
    }
}
