using Newsroom.Cli.Tests.Infrastructure;
using Xunit;

namespace Newsroom.Cli.Tests;

public sealed class ReplayLimitsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-cli-replay-limits-");

    [Fact]
    public async Task Replay_rejects_a_page_nested_30000_levels_and_an_overlong_title_as_ingest_does_and_goes_on()
    {
        var input = Directory.CreateDirectory(Path.Combine(_folder.FullName, "in"));
        File.WriteAllText(Path.Combine(input.FullName, "a_deep.html"),
            "<html><body><p>The council met on Monday to discuss the harbour budget, which had grown by a third.</p>"
            + string.Concat(Enumerable.Repeat("<div>", 30_000)) + "x" + string.Concat(Enumerable.Repeat("</div>", 30_000)) + "</body></html>");
        File.WriteAllText(Path.Combine(input.FullName, "b_title.json"),
            $$"""{"title": "{{new string('t', 600)}}", "text": "The harbour reopened on Monday after repairs to the sea wall."}""");
        File.WriteAllText(Path.Combine(input.FullName, "c_dockworkers.txt"), SyntheticArticles.DockworkersText);
        var output = Path.Combine(_folder.FullName, "out.jsonl");

        var result = await CliRunner.RunAsync("replay", "--input", input.FullName, "--output", output);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = ReplayCommandTests.ReadLines(output);
        Assert.Equal(["a_deep", "b_title", "c_dockworkers"], lines.Select(line => line.GetProperty("id").GetString()));
        Assert.Contains("Ingest:MaxHtmlDepth", lines[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("over the limit of 500 (Ingest:MaxTitleLength)", lines[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(lines[2].TryGetProperty("story", out _));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
