using System.Globalization;
using System.Text.Json;
using Newsroom.Cli.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Cli.Tests;

/// <summary>The seeds' lead events from expected.json, through `newsroom replay` over a copy of the seed articles.</summary>
public sealed class LeadEventSeedTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-cli-lead-");

    [CorpusFact]
    public async Task Replay_of_the_seeds_gives_every_gold_lead_event()
    {
        var seeds = CorpusFactAttribute.Require("seeds");
        var replayed = await SeedReplay.RunAsync(seeds, _folder);
        var lines = ReplayCommandTests.ReadLines(replayed).ToDictionary(line => line.GetProperty("id").GetString()!);

        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(seeds, "expected.json")));
        var matched = 0;
        foreach (var gold in expected.RootElement.GetProperty("lead_events").EnumerateObject())
        {
            var line = lines[Path.GetFileNameWithoutExtension(gold.Name)];
            var lead = line.GetProperty("lead_event");
            output.WriteLine($"{gold.Name}: gold {gold.Value}, replayed {lead}");
            var found = lead.ValueKind == JsonValueKind.Object
                && CanonicalIdOf(lines.Values, gold.Value.GetProperty("actor").GetString()!) is { } actor
                && actor == CanonicalIdOf([line], lead.GetProperty("actor").GetString()!)
                && lead.GetProperty("action").GetString() == gold.Value.GetProperty("action").GetString()!.Split(' ')[0]
                && (!gold.Value.TryGetProperty("target", out var target) || NamesTarget(lead.GetProperty("target").GetString(), target.GetString()!))
                && (!gold.Value.TryGetProperty("date", out var date) || lead.GetProperty("date").GetString() == DateOnly.Parse(date.GetString()!, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            matched += found ? 1 : 0;
        }

        Assert.Equal(expected.RootElement.GetProperty("lead_events").EnumerateObject().Count(), matched);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>The canonical id of a replayed entity mention spelled <paramref name="name"/>: the gold spelling may occur in another seed only.</summary>
    private static string? CanonicalIdOf(IEnumerable<JsonElement> lines, string name) =>
        lines.SelectMany(line => line.GetProperty("entities").EnumerateArray())
            .Where(e => e.GetProperty("text").GetString() == name || e.GetProperty("canonical").GetString() == name)
            .Select(e => e.GetProperty("canonical_id").GetString())
            .FirstOrDefault();

    /// <summary>Every gold word in order in the replayed target: "US forces" is named by "US occupation forces".</summary>
    private static bool NamesTarget(string? replayed, string gold)
    {
        var words = (replayed ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = 0;
        foreach (var word in gold.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            at = Array.IndexOf(words, word, at) + 1;
            if (at == 0)
            {
                return false;
            }
        }

        return true;
    }
}
