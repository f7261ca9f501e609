using System.Globalization;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup.Tests;

/// <summary>
/// The store answers story profiles and term and entity counts from memory; whatever it has cached must
/// equal what a fresh read of the database gives, through joins, new stories and pruned profiles.
/// </summary>
public sealed class StoryStoreCacheTests
{
    private static readonly (string Name, string Id)[][] EventEntities =
    [
        [("Veyra River Front", "veyra"), ("Caldmoor", "caldmoor"), ("Tessaly Council", "tessaly")],
        [("Brannock Shipping", "brannock"), ("Port Marrow", "marrow")],
        [("Elsmere Dockworkers Guild", "guild"), ("Port of Elsmere", "elsmere")],
    ];

    private static readonly string[][] EventWords =
    [
        ["veyra", "front", "suspends", "convoys", "talks", "ceasefire", "supply", "ministry"],
        ["brannock", "shipping", "halts", "sailings", "crane", "fire", "containers", "fruit"],
        ["dockworkers", "guild", "demand", "pay", "rise", "strike", "august", "operators"],
    ];

    [Fact]
    public void Cached_profiles_and_counts_equal_a_fresh_read_of_the_database()
    {
        var database = SqliteDatabase.InMemory();
        using var store = new StoryStore(database);
        var clusterer = new StoryClusterer(store);
        var options = new StoryClustererOptions();
        var random = new Random(5);
        var stories = new HashSet<string>(StringComparer.Ordinal);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var entities = new HashSet<string>(StringComparer.Ordinal);

        // The first event gets most reports, each with a person of its own, so its entities overflow the profile's bound and are pruned.
        for (var number = 0; number < 420; number++)
        {
            var article = Report(number, random);
            stories.Add(clusterer.Assign(article, SyntheticArticles.Ingested).StoryId);
            terms.UnionWith(ArticleProfile.Create(article, options).Terms.Keys);
            entities.UnionWith(article.Entities.Select(e => e.CanonicalId!));
            if (number % 7 == 0)
            {
                // Reading everything now fills the caches, which the next joins must keep true.
                foreach (var storyId in stories)
                {
                    store.LoadStory(storyId, options.MaxMembersCompared);
                }
                foreach (var term in terms)
                {
                    store.TermStoryCount(term);
                }
                foreach (var entityId in entities)
                {
                    store.EntityStoryCount(entityId);
                }
            }
        }

        using var fresh = new StoryStore(database);
        var pruned = 0;
        foreach (var storyId in stories)
        {
            var cached = store.LoadStory(storyId, options.MaxMembersCompared);
            var read = fresh.LoadStory(storyId, options.MaxMembersCompared);
            Assert.Equal(read.FirstTime, cached.FirstTime);
            Assert.Equal(read.LastTime, cached.LastTime);
            Assert.Equal(read.TermWeights.OrderBy(t => t.Key, StringComparer.Ordinal), cached.TermWeights.OrderBy(t => t.Key, StringComparer.Ordinal));
            Assert.Equal(read.EntityWeights.OrderBy(e => e.Key, StringComparer.Ordinal), cached.EntityWeights.OrderBy(e => e.Key, StringComparer.Ordinal));
            Assert.Equal(read.Members, cached.Members);
            pruned += read.EntityWeights.Count == StoryStore.MaxStoryEntities ? 1 : 0;
        }
        Assert.Equal(1, pruned);
        Assert.All(terms, term => Assert.Equal(fresh.TermStoryCount(term), store.TermStoryCount(term)));
        // A term's count is the number of stories whose profile holds it, through the terms pruned from the first story's.
        var holders = terms.ToDictionary(term => term, term => stories.Count(storyId => fresh.LoadStory(storyId, options.MaxMembersCompared).TermWeights.ContainsKey(term)), StringComparer.Ordinal);
        Assert.All(terms, term => Assert.Equal(holders[term], fresh.TermStoryCount(term)));
        Assert.Contains(terms, term => holders[term] == 0);
        Assert.All(entities, entityId => Assert.Equal(fresh.EntityStoryCount(entityId), store.EntityStoryCount(entityId)));
    }

    /// <summary>Report <paramref name="number"/> of a stream of three events whose first event overflows a story profile's bounds.</summary>
    internal static ArticleExtracted Report(int number, Random random)
    {
        var topic = number % 5 < 3 ? 0 : (number % 5) - 2;
        var words = EventWords[topic];
        var own = Enumerable.Range(0, 20).Select(i => string.Create(CultureInfo.InvariantCulture, $"w{number}x{i}")).ToArray();
        var body = Enumerable.Range(0, 80).Select(_ => random.NextDouble() < 0.6 ? words[random.Next(words.Length)] : own[random.Next(own.Length)]);
        var person = (Name: string.Create(CultureInfo.InvariantCulture, $"Speaker{number}"), Id: string.Create(CultureInfo.InvariantCulture, $"person_{number}"));
        var names = string.Join(' ', EventEntities[topic].Select(e => e.Name));
        var text = $"{names} {person.Name} " + string.Join(' ', body);
        var title = string.Join(' ', words.Take(5)) + " " + own[0];
        // Some reports are dated and some are not, so a story's dated flag changes as it grows.
        DateTimeOffset? published = number % 3 == 0 ? null : new DateTimeOffset(2025, 3, 10 + topic, 9, 0, 0, TimeSpan.Zero);
        // Some name a day of the week, most their topic's, so that a day sometimes keeps a report from a story.
        var weekday = number % 4 == 0 ? (DayOfWeek?)null : (DayOfWeek)((topic * 2) + (number % 7 == 0 ? 3 : 0));
        return SyntheticArticles.Create(
            string.Create(CultureInfo.InvariantCulture, $"art_cache_{number}"), title, text, null, published, [.. EventEntities[topic], person])
            with { LeadWeekday = weekday };
    }
}
