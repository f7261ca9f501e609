using System.Text.Json;
using Newsroom.Contracts.V1;
using Xunit;

namespace Newsroom.Pipeline.Tests.Infrastructure;

/// <summary>Stories compared as groupings of articles, whatever the stories' ids, and the grouping <c>newsroom replay</c> gives.</summary>
public static class StoryGroups
{
    /// <summary>A grouping of ids as sorted member lists.</summary>
    public static List<string> Of(IReadOnlyDictionary<string, string> storyOf) =>
        storyOf.GroupBy(p => p.Value, p => p.Key).Select(g => string.Join(' ', g.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal).ToList();

    /// <summary>Each article's story (by client ref) as <c>newsroom replay</c> of the same articles, in the same order, gives it.</summary>
    public static async Task<Dictionary<string, string>> ReplayAsync(IEnumerable<SubmitArticleRequest> requests)
    {
        var input = Path.Combine(Path.GetTempPath(), $"newsroom-replay-{Guid.NewGuid():N}.jsonl");
        var output = input + ".out";
        try
        {
            await File.WriteAllLinesAsync(input, requests.Select(r => JsonSerializer.Serialize(new { id = r.ClientRef, title = r.Title, text = r.Text })));
            var (exitCode, printed) = await CliProcess.RunAsync("replay", "--input", input, "--output", output);
            Assert.True(exitCode == 0, printed);
            // A line's "moved" lists earlier articles that its story took in, with their story now.
            var stories = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(output).Select(line => JsonDocument.Parse(line).RootElement))
            {
                stories[line.GetProperty("id").GetString()!] = line.GetProperty("story").GetString()!;
                foreach (var moved in line.GetProperty("moved").EnumerateArray())
                {
                    stories[moved.GetProperty("id").GetString()!] = moved.GetProperty("story").GetString()!;
                }
            }
            return stories;
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }
}
