using System.Text.Json;
using Newsroom.Cli.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Cli.Tests;

/// <summary>
/// The seeds' alias groups from expected.json, measured on what `newsroom replay` writes: wherever a
/// spelling of a group occurs in an article, the entity mentioned there has one canonical id, one
/// display name and one type over all five articles, and no two groups share an id or a name. The
/// mention there may be shorter than the spelling: the tagger follows CoNLL in reading "Islamic
/// Resistance in Iraq" as an organisation in a place unless it knows the longer name.
/// </summary>
public sealed class SeedAliasGroupsCorpusTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-cli-seed-aliases-");

    [CorpusFact]
    public async Task Every_seed_alias_group_has_one_identity_and_one_display_name_in_replay_output()
    {
        var seeds = CorpusFactAttribute.Require("seeds");
        var input = Directory.CreateDirectory(Path.Combine(_folder.FullName, "seeds"));
        foreach (var article in Directory.GetFiles(seeds, "*.txt"))
        {
            File.Copy(article, Path.Combine(input.FullName, Path.GetFileName(article)));
        }

        var replayed = Path.Combine(_folder.FullName, "seeds.jsonl");
        var result = await CliRunner.RunAsync("replay", "--input", input.FullName, "--output", replayed);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var articles = ReplayCommandTests.ReadLines(replayed)
            .Select(line => (Text: line.GetProperty("text").GetString()!, Mentions: line.GetProperty("entities").EnumerateArray()
                .Select(e => new Mention(e.GetProperty("text").GetString()!, e.GetProperty("start").GetInt32(), e.GetProperty("canonical_id").GetString()!, e.GetProperty("canonical").GetString()!, e.GetProperty("type").GetString()!))
                .ToList()))
            .ToList();

        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(seeds, "expected.json")));
        var groups = expected.RootElement.GetProperty("entity_alias_groups").EnumerateArray()
            .Select(group => group.GetProperty("spellings").EnumerateArray().Select(s => s.GetString()!).ToList())
            .ToList();
        var resolved = new List<(string Id, string Name)>();
        var failures = new List<string>();
        foreach (var spellings in groups)
        {
            var found = spellings.ToDictionary(s => s, s => articles.SelectMany(a => MentionsAt(a.Text, a.Mentions, s)).ToList());
            var missing = spellings.Where(s => found[s].Count == 0).ToList();
            var identities = found.Values.SelectMany(m => m).Select(m => (m.Id, m.Name, m.Type)).Distinct().ToList();
            output.WriteLine($"{string.Join(" / ", spellings)}: {string.Join(", ", identities)}{(missing.Count > 0 ? $"; not extracted: {string.Join(", ", missing)}" : "")}");
            if (missing.Count > 0 || identities.Count != 1)
            {
                failures.Add(string.Join(" / ", spellings));
            }
            else
            {
                resolved.Add((identities[0].Id, identities[0].Name));
            }
        }

        Assert.True(failures.Count == 0, $"{groups.Count - failures.Count} of {groups.Count} alias groups have one id, one display name and one type; not: {string.Join("; ", failures)}");
        Assert.Equal(resolved.Count, resolved.Select(r => r.Id).Distinct().Count());
        Assert.Equal(resolved.Count, resolved.Select(r => r.Name).Distinct().Count());
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>The mentions that start where the spelling occurs as whole words and end within it.</summary>
    private static IEnumerable<Mention> MentionsAt(string text, List<Mention> mentions, string spelling)
    {
        for (var at = text.IndexOf(spelling, StringComparison.Ordinal); at >= 0; at = text.IndexOf(spelling, at + 1, StringComparison.Ordinal))
        {
            var end = at + spelling.Length;
            var wholeWords = (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]));
            if (wholeWords && mentions.FirstOrDefault(m => m.Start == at && m.Start + m.Text.Length <= end) is { } mention)
            {
                yield return mention;
            }
        }
    }

    private sealed record Mention(string Text, int Start, string Id, string Name, string Type);
}
