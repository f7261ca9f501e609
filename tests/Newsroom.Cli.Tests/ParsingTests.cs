using Newsroom.Cli.Tests.Infrastructure;
using Xunit;

namespace Newsroom.Cli.Tests;

public class ParsingTests
{
    [Theory]
    [InlineData("ingest a.txt folder https://news.example/a.html")]
    [InlineData("ingest a.txt --json --server http://127.0.0.1:6000")]
    [InlineData("search suspend convoys --entity VRF --action suspend --source Ledger --after 2025-03-01 --before 2025-04-01T00:00:00Z --limit 5 --page-token p2 --json")]
    [InlineData("search attack --action attack")]
    [InlineData("story st-1 --json")]
    [InlineData("entity VRF --json")]
    [InlineData("timeline VRF --after 2025-01-01 --before 2025-12-31 --limit 10 --page-token t --json")]
    [InlineData("watch --entity VRF --action resume --source Ledger --after 2025-06-01 --before 2025-07-01 --json")]
    [InlineData("watch")]
    [InlineData("status art-1 --json")]
    [InlineData("replay --input in.jsonl --output out.jsonl --json")]
    [InlineData("--server https://newsroom.example:443 search suspend")]
    public void Every_command_and_option_parses(string commandLine)
    {
        var result = NewsroomCommand.Create(new CliRunner().CreateEnvironment()).Parse(commandLine);

        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    [InlineData(new string[0], "Required command")]
    [InlineData(new[] { "search" }, "Required argument 'words' missing")]
    [InlineData(new[] { "search", "x", "--action", "explode" }, "explode")]
    [InlineData(new[] { "search", "x", "--after", "last tuesday" }, "--after 'last tuesday' is not a date")]
    [InlineData(new[] { "search", "x", "--limit", "0" }, "--limit must be a whole number between 1 and 100, not '0'")]
    [InlineData(new[] { "search", "x", "--limit", "many" }, "--limit must be a whole number between 1 and 100, not 'many'")]
    [InlineData(new[] { "timeline", "VRF", "--limit", "-3" }, "--limit must be a whole number between 1 and 1000")]
    [InlineData(new[] { "timeline", "VRF", "--before", "2025-13-45" }, "--before '2025-13-45' is not a date")]
    [InlineData(new[] { "story" }, "Required argument 'id' missing")]
    [InlineData(new[] { "status", "--server", "not a url", "a1" }, "is not an address such as")]
    [InlineData(new[] { "replay", "--output", "out.jsonl" }, "--input")]
    [InlineData(new[] { "ingest" }, "Required argument 'inputs' missing")]
    public async Task Bad_usage_exits_with_2_and_says_what_is_wrong(string[] args, string expected)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Contains("--help", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        foreach (var command in new[] { "ingest", "search", "story", "entity", "timeline", "watch", "status", "replay", "--server", "--json" })
        {
            Assert.Contains(command, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Server_defaults_to_localhost_5000()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Contains("http://localhost:5000", result.Out, StringComparison.Ordinal);
    }
}
