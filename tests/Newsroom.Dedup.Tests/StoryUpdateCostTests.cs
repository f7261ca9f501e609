using System.Diagnostics;
using System.Globalization;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;
using Xunit.Abstractions;

namespace Newsroom.Dedup.Tests;

/// <summary>
/// One event reported again and again: each report joins the same story. Prints the time of an
/// update at several story sizes (no timed assertion) and checks the work that grows with the story.
/// </summary>
public sealed class StoryUpdateCostTests(ITestOutputHelper output)
{
    private static readonly int[] Sizes = [1, 50, 150, 300];
    private static readonly (string Name, string Id)[] EventEntities = [("Kataib Hezbollah", "kh"), ("Pentagon", "pentagon"), ("Baghdad", "baghdad")];

    [Fact]
    public void A_story_update_reads_a_bounded_story_profile_whatever_the_story_size()
    {
        using var storeFile = new StoreFile("dedup-update-cost");
        var path = storeFile.Path;
        using var store = new StoryStore(SqliteDatabase.File(path));
        var clusterer = new StoryClusterer(store);
        var random = new Random(11);
        var storyId = clusterer.Assign(Report(0, random), SyntheticArticles.Ingested).StoryId;
        var size = 1;
        foreach (var target in Sizes)
        {
            for (; size < target; size++)
            {
                Assert.Equal(storyId, clusterer.Assign(Report(size, random), SyntheticArticles.Ingested).StoryId);
            }

            const int Measured = 30;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < Measured; i++, size++)
            {
                Assert.Equal(storyId, clusterer.Assign(Report(size, random), SyntheticArticles.Ingested).StoryId);
            }

            watch.Stop();
            var profile = store.LoadStory(storyId, new StoryClustererOptions().MaxMembersCompared);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"story of {target} articles: {watch.Elapsed.TotalMilliseconds / Measured:F2} ms per update ({(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Measured:F2} ms CPU); profile read per candidate: {profile.TermWeights.Count} terms, {profile.EntityWeights.Count} entities"));
        }

        var final = store.LoadStory(storyId, new StoryClustererOptions().MaxMembersCompared);
        Assert.InRange(final.TermWeights.Count, 1, StoryStore.MaxStoryTerms);
        Assert.InRange(final.EntityWeights.Count, EventEntities.Length, StoryStore.MaxStoryEntities);
    }

    /// <summary>
    /// A report of the event: the event's own words and entities, plus words and a person only this
    /// report has, as real rewrites add quotes and background.
    /// </summary>
    private static ArticleExtracted Report(int number, Random random)
    {
        string[] eventWords = ["kataib", "hezbollah", "suspends", "attacks", "forces", "militia", "iraq", "announcement", "military", "operations"];
        var own = Enumerable.Range(0, 60).Select(i => string.Create(CultureInfo.InvariantCulture, $"r{number}x{i}")).ToArray();
        var words = Enumerable.Range(0, 300).Select(_ => random.NextDouble() < 0.5 ? eventWords[random.Next(eventWords.Length)] : own[random.Next(own.Length)]);
        var person = (Name: string.Create(CultureInfo.InvariantCulture, $"Spokesman{number}"), Id: string.Create(CultureInfo.InvariantCulture, $"person_{number}"));
        var text = $"Kataib Hezbollah Pentagon Baghdad {person.Name} " + string.Join(' ', words);
        var title = string.Join(' ', eventWords.Take(6)) + " " + own[0];
        var lead = SyntheticArticles.Lead("kh", EventAction.Suspend, "pentagon", new DateOnly(2024, 1, 30));
        return SyntheticArticles.Create(
            string.Create(CultureInfo.InvariantCulture, $"art_report_{number}"), title, text, lead, new DateTimeOffset(2024, 1, 30, 12, 0, 0, TimeSpan.Zero),
            [.. EventEntities, person]);
    }
}
