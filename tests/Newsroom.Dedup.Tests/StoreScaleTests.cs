using System.Diagnostics;
using System.Globalization;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;
using Xunit.Abstractions;

namespace Newsroom.Dedup.Tests;

/// <summary>
/// Assign on a store of thousands of articles, on demand (DEDUP_TUNE=1): prints the time per article
/// (no timed assertion) and checks that an event's articles still find each other among the crowd.
/// </summary>
public sealed class StoreScaleTests(ITestOutputHelper output)
{
    private const int Events = 4000;

    [TuningFact]
    public void Events_stay_together_in_a_store_of_ten_thousand_articles()
    {
        var random = new Random(7);
        var vocabulary = Enumerable.Range(0, 20000).Select(i => "w" + i.ToString("x", CultureInfo.InvariantCulture)).ToArray();
        var entities = Enumerable.Range(0, 5000).Select(i => ("Entity" + i.ToString(CultureInfo.InvariantCulture), "ent_" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        var articles = new List<(ArticleExtracted Article, int Event)>();
        for (var e = 0; e < Events; e++)
        {
            var eventWords = Enumerable.Range(0, 40).Select(_ => vocabulary[Zipf(random, vocabulary.Length)]).ToArray();
            var eventEntities = Enumerable.Range(0, 4).Select(_ => entities[Zipf(random, entities.Length)]).Distinct().ToArray();
            var day = new DateOnly(2024, 1, 1).AddDays(e / 40);
            var lead = new ArticleLeadEvent(eventEntities[0].Item1, eventEntities[0].Item2, EventAction.Other, "said", null, null, day);
            for (var copy = 0; copy < 1 + random.Next(5); copy++)
            {
                var words = Enumerable.Range(0, 150).Select(_ => random.NextDouble() < 0.5 ? eventWords[random.Next(eventWords.Length)] : vocabulary[Zipf(random, vocabulary.Length)]);
                var text = string.Join(' ', words) + " " + string.Join(' ', eventEntities.Select(x => x.Item1));
                var id = $"art_{e}_{copy}";
                articles.Add((SyntheticArticles.Create(id, string.Join(' ', eventWords.Take(8)), text, lead, day.ToDateTime(TimeOnly.MinValue), eventEntities) , e));
            }
        }
        articles = articles.OrderBy(_ => random.Next()).ToList();

        using var storeFile = new StoreFile("dedup-scale");
        var path = storeFile.Path;
        using var store = new StoryStore(SqliteDatabase.File(path));
        var clusterer = new StoryClusterer(store);
        var stories = new List<string>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < articles.Count; i++)
        {
            stories.Add(clusterer.Assign(articles[i].Article, SyntheticArticles.Ingested).StoryId);
            if ((i + 1) % 1000 == 0)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i + 1} articles: last 1000 took {watch.Elapsed.TotalMilliseconds / 1000:F2} ms each"));
                watch.Restart();
            }
        }
        // Each event's articles should share a story, and no story should hold two events.
        var placed = articles.Select((a, i) => (a.Event, Story: stories[i])).ToList();
        var whole = placed.GroupBy(a => a.Event).Count(e => e.Select(a => a.Story).Distinct().Count() == 1);
        var mixed = placed.GroupBy(a => a.Story).Count(s => s.Select(a => a.Event).Distinct().Count() > 1);
        output.WriteLine($"{articles.Count} articles, {Events} events: {whole} kept whole, {mixed} stories mixing events");
        // Loose on purpose, like the B-cubed floor this replaced: synthetic events share Zipf-common entities and words.
        Assert.True(whole > Events * 0.8 && mixed < Events * 0.1, $"{whole} of {Events} events kept whole, {mixed} stories mixing events");
    }

    private static int Zipf(Random random, int size) => (int)Math.Min(size - 1, Math.Floor(Math.Pow(size, random.NextDouble())) - 1);
}
