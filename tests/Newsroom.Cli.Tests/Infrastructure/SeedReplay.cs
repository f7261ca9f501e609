using Xunit;

namespace Newsroom.Cli.Tests.Infrastructure;

/// <summary>`newsroom replay` over a copy of the seed articles (the .txt files only, not their gold labels), as the acceptance tests run it.</summary>
public static class SeedReplay
{
    /// <summary>Replays the seeds into <paramref name="folder"/> and returns the path of the JSONL output.</summary>
    public static async Task<string> RunAsync(string seeds, DirectoryInfo folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var input = Directory.CreateDirectory(Path.Combine(folder.FullName, "seeds"));
        foreach (var article in Directory.GetFiles(seeds, "*.txt"))
        {
            File.Copy(article, Path.Combine(input.FullName, Path.GetFileName(article)));
        }

        var replayed = Path.Combine(folder.FullName, "seeds.jsonl");
        var result = await CliRunner.RunAsync("replay", "--input", input.FullName, "--output", replayed);
        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        return replayed;
    }
}
