using System.Text.Json;
using Newsroom.Cli.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Cli.Tests;

/// <summary>
/// The seeds' alias groups from expected.json, measured on what `newsroom replay` writes: every
/// spelling of a group has one canonical id, one display name and one type over all five articles,
/// and no two groups share an id or a name.
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
        var mentions = ReplayCommandTests.ReadLines(replayed)
            .SelectMany(line => line.GetProperty("entities").EnumerateArray())
            .Select(e => (Text: e.GetProperty("text").GetString()!, Id: e.GetProperty("canonical_id").GetString()!, Name: e.GetProperty("canonical").GetString()!, Type: e.GetProperty("type").GetString()!))
            .ToList();

        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(seeds, "expected.json")));
        var groups = expected.RootElement.GetProperty("entity_alias_groups").EnumerateArray()
            .Select(group => group.GetProperty("spellings").EnumerateArray().Select(s => s.GetString()!).ToList())
            .ToList();
        var resolved = new List<(string Id, string Name)>();
        var failures = new List<string>();
        foreach (var spellings in groups)
        {
            var found = mentions.Where(m => spellings.Contains(m.Text)).ToList();
            var missing = spellings.Where(s => found.All(m => m.Text != s)).ToList();
            var identities = found.Select(m => (m.Id, m.Name, m.Type)).Distinct().ToList();
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
}
