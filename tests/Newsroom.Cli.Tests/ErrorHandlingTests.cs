using System.Net;
using System.Net.Sockets;
using Newsroom.Cli.Tests.Fakes;
using Newsroom.Cli.Tests.Infrastructure;
using Grpc.Core;
using Xunit;

namespace Newsroom.Cli.Tests;

public class ErrorHandlingTests(FakeNewsroomServer server) : IClassFixture<FakeNewsroomServer>
{
    [Theory]
    [InlineData("search", "suspend")]
    [InlineData("story", "st-1")]
    [InlineData("entity", "VRF")]
    [InlineData("timeline", "VRF")]
    [InlineData("status", "art-1")]
    [InlineData("watch", null)]
    public async Task A_server_that_is_down_gives_exit_1_and_says_how_to_start_it(string command, string? argument)
    {
        var address = ClosedPortAddress();
        string[] args = argument is null ? [command, "--server", address] : [command, argument, "--server", address];

        var result = await CliRunner.RunAsync(args);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith("error: UNAVAILABLE: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("is the server running", result.Error, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project services/Standalone", result.Error, StringComparison.Ordinal);
        Assert.Contains(address, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_address_comes_from_NEWSROOM_SERVER_when_not_given()
    {
        var runner = new CliRunner();
        runner.Variables["NEWSROOM_SERVER"] = server.Address;

        var result = await runner.RunWithAsync(["story", FakeData.StoryId]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains(FakeData.StoryId, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_option_wins_over_NEWSROOM_SERVER()
    {
        var runner = new CliRunner();
        runner.Variables["NEWSROOM_SERVER"] = ClosedPortAddress();

        var result = await runner.RunWithAsync(["story", FakeData.StoryId, "--server", server.Address]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
    }

    [Theory]
    [InlineData("story", "no story has this id")]
    [InlineData("entity", "no entity has this id, name or alias")]
    [InlineData("status", "no article has this id yet")]
    public async Task Not_found_prints_the_status_the_detail_and_a_hint(string command, string hint)
    {
        var result = await CliRunner.RunAsync(command, FakeData.MissingId, "--server", server.Address);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains($"error: NOT_FOUND: no {(command == "status" ? "article" : command)} '{FakeData.MissingId}'", result.Error, StringComparison.Ordinal);
        Assert.Contains(hint, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Invalid_argument_passes_on_the_servers_reason()
    {
        var result = await CliRunner.RunAsync("search", "invalid", "--server", server.Address);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("error: INVALID_ARGUMENT: the query has no searchable words; pass at least one word", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_is_retried_while_the_server_is_unavailable()
    {
        var result = await CliRunner.RunAsync("search", "busy-retry", "--server", server.Address);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(3, server.State.Requests.OfType<Contracts.V1.SearchStoriesRequest>().Count(r => r.Query == "busy-retry"));
    }

    [Fact]
    public async Task An_ingest_batch_is_not_retried_so_that_an_accepted_article_is_never_reported_as_a_duplicate()
    {
        var file = Path.Combine(Path.GetTempPath(), $"newsroom-cli-unavailable-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, "The harbour closed. UNAVAILABLE");
        var callsBefore = server.State.IngestDeadlines.Count;
        try
        {
            var result = await CliRunner.RunAsync("ingest", file, "--server", server.Address);

            Assert.Equal(ExitCodes.Failure, result.ExitCode);
            Assert.StartsWith("error: UNAVAILABLE: the bus is down", result.Error, StringComparison.Ordinal);
            Assert.Equal(callsBefore + 1, server.State.IngestDeadlines.Count);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(StatusCode.Unavailable, "UNAVAILABLE")]
    [InlineData(StatusCode.DeadlineExceeded, "DEADLINE_EXCEEDED")]
    [InlineData(StatusCode.NotFound, "NOT_FOUND")]
    [InlineData(StatusCode.OK, "OK")]
    [InlineData(StatusCode.Unauthenticated, "UNAUTHENTICATED")]
    public void Status_names_are_the_canonical_grpc_names(StatusCode code, string name) =>
        Assert.Equal(name, CommandExecution.StatusName(code));

    private static string ClosedPortAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
