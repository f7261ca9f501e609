using System.Text.Json;
using Newsroom.Cli.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Cli.Tests;

/// <summary>
/// The seeds' alias groups from expected.json, measured on what `newsroom replay` writes: wherever a
/// spelling of a group occurs in an article, the entity mentioned there has one canonical id and one
/// display name over all five articles, no two groups share an id or a name, and the spellings found
/// and the groups typed alike stay at least where the shipped tagger has them. The
/// mention there may be shorter than the spelling: the tagger follows CoNLL in reading "Islamic
/// Resistance in Iraq" as an organisation in a place unless it knows the longer name.
/// </summary>
public sealed class SeedAliasGroupsCorpusTests(ITestOutputHelper output) : IDisposable
{
    private const int SpellingsFloor = 16;
    private const int OneTypeFloor = 7;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-cli-seed-aliases-");

    [CorpusFact]
    public async Task Every_seed_alias_group_has_one_identity_and_one_display_name_in_replay_output()
    {
        var seeds = CorpusFactAttribute.Require("seeds");
        var replayed = await SeedReplay.RunAsync(seeds, _folder);
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
        var spellingsFound = 0;
        var oneType = 0;
        foreach (var spellings in groups)
        {
            var found = spellings.ToDictionary(s => s, s => articles.SelectMany(a => MentionsAt(a.Text, a.Mentions, s)).ToList());
            var missing = spellings.Where(s => found[s].Count == 0).ToList();
            var mentions = found.Values.SelectMany(m => m).ToList();
            var names = mentions.Select(m => (m.Id, m.Name)).Distinct().ToList();
            var types = mentions.Select(m => m.Type).Distinct().ToList();
            output.WriteLine($"{string.Join(" / ", spellings)}: {string.Join(", ", names)} as {string.Join("/", types)}{(missing.Count > 0 ? $"; not extracted: {string.Join(", ", missing)}" : "")}");
            spellingsFound += spellings.Count - missing.Count;
            oneType += types.Count == 1 ? 1 : 0;
            Assert.True(names.Count == 1, $"{string.Join(" / ", spellings)} resolved to {names.Count} identities or display names: {string.Join(", ", names)}");
            resolved.Add(names[0]);
        }

        var spellingCount = groups.Sum(g => g.Count);
        output.WriteLine($"{spellingsFound} of {spellingCount} spellings extracted; {oneType} of {groups.Count} groups with one type");
        Assert.Equal(resolved.Count, resolved.Select(r => r.Id).Distinct().Count());
        Assert.Equal(resolved.Count, resolved.Select(r => r.Name).Distinct().Count());

        // Where the shipped tagger stands on the seeds (issue 9 asks for all): a retrained model must not fall below it.
        Assert.True(spellingsFound >= SpellingsFloor, $"{spellingsFound} of {spellingCount} spellings extracted, fewer than {SpellingsFloor}");
        Assert.True(oneType >= OneTypeFloor, $"{oneType} of {groups.Count} groups have one type, fewer than {OneTypeFloor}");
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
