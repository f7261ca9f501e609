using System.Text.Json;
using Newsroom.Cli.Tests.Infrastructure;
using Xunit;

namespace Newsroom.Cli.Tests;

public sealed class ReplayBadPageTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-cli-replay-bad-");

    [Fact]
    public async Task A_page_dated_year_0001_takes_its_next_date_and_the_run_goes_on()
    {
        var input = Directory.CreateDirectory(Path.Combine(_folder.FullName, "in"));
        // Relative dates in the text are resolved against the publication date: year 0001 minus a day is no date at all.
        File.WriteAllText(Path.Combine(input.FullName, "a_year_one.html"), """
            <html><head><meta property="article:published_time" content="0001-01-01T00:00:00">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0001-01-01T00:00:00Z"}</script></head>
            <body><article><h1>Dock workers strike at the harbour</h1><p>By A. Writer <time datetime="2025-06-05T09:00:00Z">June 5, 2025</time></p>
            <p>Dock workers at the harbour walked out yesterday, the union said, after talks on pay broke down on Sunday evening.</p>
            <p>The port authority said last week that it could not pay more, and ships were waiting off the coast on Monday.</p></article></body></html>
            """);
        File.WriteAllText(Path.Combine(input.FullName, "b_after.txt"), SyntheticArticles.DockworkersText);
        var output = Path.Combine(_folder.FullName, "out.jsonl");

        var result = await CliRunner.RunAsync("replay", "--input", input.FullName, "--output", output);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = File.ReadAllLines(output).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(["a_year_one", "b_after"], lines.Select(line => line.GetProperty("id").GetString()));
        Assert.Equal(new DateTimeOffset(2025, 6, 5, 9, 0, 0, TimeSpan.Zero), lines[0].GetProperty("published").GetDateTimeOffset());
        Assert.True(lines[1].TryGetProperty("story", out _));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
