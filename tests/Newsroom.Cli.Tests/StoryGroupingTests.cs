using Newsroom.Cli.Tests.Infrastructure;
using Xunit;

namespace Newsroom.Cli.Tests;

/// <summary>Replay end to end on whole article sets whose story grouping is known.</summary>
public sealed class StoryGroupingTests : IDisposable
{
    private static readonly string[] SeparateSeeds = ["000", "001", "002", "004"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-cli-groups-");

    [CorpusFact]
    public async Task Replay_of_the_seeds_puts_002_and_003_in_one_story_and_the_others_apart()
    {
        var stories = await ReplayStoriesAsync(CorpusFactAttribute.Require("seeds"));

        Assert.Equal(stories["002"], stories["003"]);
        Assert.Equal(4, SeparateSeeds.Select(seed => stories[seed]).Distinct().Count());
    }

    [Fact]
    public async Task Replay_of_the_sample_articles_gives_the_grouping_their_readme_describes()
    {
        var stories = await ReplayStoriesAsync(Path.Combine(RepositoryPaths.Root, "services", "Standalone", "SampleArticles"));

        string[][] expected = [["01", "02"], ["03", "04"], ["05", "06"], ["07"], ["08"], ["09"]];
        foreach (var group in expected)
        {
            Assert.All(group, article => Assert.Equal(stories[group[0]], stories[article]));
        }

        Assert.Equal(expected.Length, expected.Select(group => stories[group[0]]).Distinct().Count());
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>Each replayed article's story, keyed by the number its file name starts with.</summary>
    private async Task<Dictionary<string, string>> ReplayStoriesAsync(string input)
    {
        var output = Path.Combine(_folder.FullName, "stories.jsonl");
        var result = await CliRunner.RunAsync("replay", "--input", input, "--output", output);
        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);

        // A line's "moved" lists earlier articles that its story took in, with their story now.
        var stories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in ReplayCommandTests.ReadLines(output).Where(line => line.TryGetProperty("story", out _)))
        {
            foreach (var placed in line.GetProperty("moved").EnumerateArray().Prepend(line))
            {
                stories[placed.GetProperty("id").GetString()!.Split('_')[0]] = placed.GetProperty("story").GetString()!;
            }
        }
        return stories;
    }
}
