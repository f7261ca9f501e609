using System.Text.Json;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Xunit.Abstractions;

namespace Newsroom.Extraction.Tests;

/// <summary>The acceptance case: the seed articles' alias groups and lead events from expected.json.</summary>
public sealed class SeedExtractionCorpusTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset ExtractedAt = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [CorpusFact]
    public void Every_alias_group_resolves_to_one_canonical_id_and_groups_stay_apart()
    {
        var extracted = ExtractSeeds();
        using var expected = SeedArticles.Expected();
        var groupIds = new List<string>();
        foreach (var group in expected.RootElement.GetProperty("entity_alias_groups").EnumerateArray())
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var spelling in group.GetProperty("spellings").EnumerateArray().Select(s => s.GetString()!))
            {
                var mentions = extracted.Values.SelectMany(e => e.Entities).Where(m => m.Text == spelling).ToList();
                Assert.True(mentions.Count > 0, $"no mention spelled \"{spelling}\" was extracted from the seeds");
                ids.UnionWith(mentions.Select(m => m.CanonicalId));
                output.WriteLine($"{spelling}: {string.Join(", ", mentions.Select(m => $"{m.CanonicalId} {m.CanonicalName} {m.Type}").Distinct())}");
            }

            Assert.True(ids.Count == 1, $"the spellings of group {group} resolved to {ids.Count} canonical ids: {string.Join(", ", ids)}");
            groupIds.Add(ids.Single());
        }

        Assert.Equal(groupIds.Count, groupIds.Distinct().Count());
    }

    [CorpusFact]
    public void Lead_events_match_the_gold_actor_action_and_date()
    {
        var extracted = ExtractSeeds();
        var kataibHezbollah = extracted.Values.SelectMany(e => e.Entities).First(m => m.Text == "Kataib Hezbollah").CanonicalId;
        using var expected = SeedArticles.Expected();
        foreach (var gold in expected.RootElement.GetProperty("lead_events").EnumerateObject())
        {
            var lead = extracted[gold.Name].LeadEvent;
            output.WriteLine($"{gold.Name}: {lead}");
            Assert.NotNull(lead);
            Assert.Equal(kataibHezbollah, lead.ActorEntityId);
            Assert.Equal(ActionOf(gold.Value.GetProperty("action").GetString()!), lead.Action);
            if (gold.Value.TryGetProperty("date", out var date))
            {
                Assert.Equal(DateOnly.Parse(date.GetString()!, System.Globalization.CultureInfo.InvariantCulture), lead.Date);
            }
        }
    }

    [CorpusFact]
    public void Entity_offsets_point_into_the_article_text()
    {
        foreach (var (name, result) in ExtractSeeds())
        {
            foreach (var mention in result.Entities)
            {
                Assert.True(result.Article.Text.Substring(mention.Start, mention.End - mention.Start) == mention.Text, $"{name}: {mention} does not match the text at its offsets");
            }

            foreach (var date in result.Dates)
            {
                Assert.Equal(date.Text, result.Article.Text[date.Start..date.End]);
            }
        }
    }

    private static EventAction ActionOf(string gold) => gold.Split(' ')[0] switch
    {
        "resume" => EventAction.Resume,
        "condemn" => EventAction.Condemn,
        "suspend" => EventAction.Suspend,
        "demand" => EventAction.Demand,
        var other => throw new InvalidOperationException($"expected.json names an action this test does not map: {other}"),
    };

    private static Dictionary<string, ArticleExtracted> ExtractSeeds()
    {
        var extractor = new ArticleExtractor();
        return SeedArticles.Load().ToDictionary(a => a.Key, a => extractor.Extract(a.Value, ExtractedAt));
    }
}
