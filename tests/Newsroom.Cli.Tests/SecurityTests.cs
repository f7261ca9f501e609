using Newsroom.Cli.Tests.Fakes;
using Newsroom.Cli.Tests.Infrastructure;
using Newsroom.Contracts.V1;
using Xunit;

namespace Newsroom.Cli.Tests;

/// <summary>The CLI against a server with TLS that requires API keys: --api-key, NEWSROOM_API_KEY, --ca-cert.</summary>
public sealed class SecurityTests(SecuredNewsroomServer server) : IClassFixture<SecuredNewsroomServer>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-cli-security-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string[] Secured(params string[] args) => [.. args, "--server", server.Address, "--ca-cert", server.CaCertificatePath];

    [Fact]
    public async Task Ingest_with_the_api_key_over_TLS_sends_the_key_and_succeeds()
    {
        var article = Path.Combine(_folder.FullName, "harbor.txt");
        await File.WriteAllTextAsync(article, "Harbor workers end strike\n\nHarbor workers in Elsmere ended their strike on Monday.");

        var result = await CliRunner.RunAsync(Secured("ingest", article, "--api-key", SecuredNewsroomServer.ApiKey));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains(server.State.Requests.OfType<SubmitArticleRequest>(), r => r.ClientRef == "harbor");
    }

    [Fact]
    public async Task The_key_comes_from_NEWSROOM_API_KEY_when_not_given()
    {
        var runner = new CliRunner();
        runner.Variables["NEWSROOM_API_KEY"] = SecuredNewsroomServer.ApiKey;

        var result = await runner.RunWithAsync(Secured("story", FakeData.StoryId));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains(FakeData.StoryId, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_the_error_is_UNAUTHENTICATED_and_says_to_pass_one()
    {
        var result = await CliRunner.RunAsync(Secured("search", "suspend"));

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith("error: UNAUTHENTICATED: this call needs an API key", result.Error, StringComparison.Ordinal);
        Assert.Contains("hint: pass the API key the server's operator gave you with --api-key KEY, or set NEWSROOM_API_KEY", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_certificate_the_system_does_not_trust_gives_a_hint_to_pass_ca_cert()
    {
        var result = await CliRunner.RunAsync("search", "suspend", "--server", server.Address, "--api-key", SecuredNewsroomServer.ApiKey);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("pass --ca-cert FILE", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_ca_cert_file_says_what_to_pass()
    {
        var notACertificate = Path.Combine(_folder.FullName, "ca.pem");
        await File.WriteAllTextAsync(notACertificate, "not a certificate");

        var result = await CliRunner.RunAsync("search", "suspend", "--server", server.Address, "--ca-cert", notACertificate);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains($"--ca-cert '{notACertificate}' could not be read as a certificate", result.Error, StringComparison.Ordinal);
    }
}
