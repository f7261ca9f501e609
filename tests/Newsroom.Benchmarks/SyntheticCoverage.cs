using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;

namespace Newsroom.Benchmarks;

/// <summary>
/// Made-up coverage for filling a search index at scale: stories of one to six reports, in words drawn
/// from a vocabulary of invented words with the skewed frequencies of real text (Zipf: a few words in
/// most articles, most words in a few), with invented organisations and places as entities. A seed
/// fixes every word, so <see cref="Words"/> tells a load which words are common and which rare.
/// </summary>
internal sealed class SyntheticCoverage
{
    public const int VocabularySize = 40_000;

    private const int WordsPerArticle = 250;
    private const int TitleWords = 8;

    private static readonly string[] Syllables = ["ka", "lor", "ven", "dra", "mi", "sto", "rel", "an", "thu", "bor", "ix", "el", "na", "quo", "zer", "pal", "te", "gra", "vin", "os", "mer", "tal"];
    private static readonly string[] Outlets = ["Harbor Ledger", "Northline Dispatch", "Continental Wire", "Evening Courier", "Plain Times", "Coastal Herald"];

    private readonly Random _random;
    private readonly double[] _cumulative;
    private readonly DateTimeOffset _start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public SyntheticCoverage(int seed)
    {
        _random = new Random(seed);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < VocabularySize)
        {
            names.Add(Word(_random.Next(2, 5)));
        }
        Words = [.. names];
        _cumulative = new double[VocabularySize];
        var total = 0.0;
        for (var rank = 0; rank < VocabularySize; rank++)
        {
            total += 1.0 / (rank + 1);
            _cumulative[rank] = total;
        }
    }

    /// <summary>The vocabulary, most frequent first.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The story updates of <paramref name="articles"/> articles, in the order the query service would index them.</summary>
    public IEnumerable<StoryUpdated> Updates(int articles)
    {
        var open = new List<(string Id, int Size, int Version, string[] Topic, EntityMention[] Entities)>();
        for (var i = 0; i < articles; i++)
        {
            if (open.Count == 0 || _random.Next(3) == 0)
            {
                var number = i;
                open.Add(($"sto_{number:x8}", _random.Next(1, 7), 0, [.. Enumerable.Range(0, 6).Select(_ => Pick())], [Entity("org"), Entity("loc")]));
                if (open.Count > 50)
                {
                    open.RemoveAt(0);
                }
            }
            var index = _random.Next(open.Count);
            var story = open[index] with { Version = open[index].Version + 1 };
            open[index] = story;
            if (story.Version >= story.Size)
            {
                open.RemoveAt(index);
            }
            yield return Update(i, story.Id, story.Version, story.Topic, story.Entities);
        }
    }

    private StoryUpdated Update(int number, string storyId, int version, string[] topic, EntityMention[] entities)
    {
        var published = _start.AddMinutes(number);
        var title = string.Join(' ', topic.Take(3).Concat(Enumerable.Range(0, TitleWords - 3).Select(_ => Pick())));
        var text = string.Join(' ', Enumerable.Range(0, WordsPerArticle).Select(w => w % 25 == 0 ? topic[_random.Next(topic.Length)] : Pick()));
        var article = new ArticleIngested
        {
            ArticleId = $"art_{number:x12}",
            Url = $"https://news.example/{number}",
            Source = Outlets[_random.Next(Outlets.Length)],
            Title = title,
            Text = $"{entities[0].CanonicalName} and {entities[1].CanonicalName}: {text}.",
            Published = published,
            ContentHash = $"hash-{number}",
            IngestedAt = published,
        };
        return new StoryUpdated
        {
            StoryId = storyId,
            Version = version,
            Article = new ArticleExtracted { Article = article, Entities = entities, Dates = [], LeadEvent = null, ExtractedAt = published },
            JoinKind = version == 1 ? JoinReason.Types.Kind.FirstArticle : JoinReason.Types.Kind.SameEvent,
            Score = version == 1 ? 1 : 0.5,
            Features = [],
            UpdatedAt = published,
        };
    }

    private EntityMention Entity(string kind)
    {
        var word = Word(3);
        var name = $"{char.ToUpperInvariant(word[0])}{word[1..]}";
        return new EntityMention(name, kind == "org" ? EntityType.Organization : EntityType.Location, 0, name.Length, $"{kind}-{name.ToLowerInvariant()}", name);
    }

    private string Pick()
    {
        var rank = Array.BinarySearch(_cumulative, _random.NextDouble() * _cumulative[^1]);
        return Words[Math.Min(rank < 0 ? ~rank : rank, VocabularySize - 1)];
    }

    private string Word(int syllables) => string.Concat(Enumerable.Range(0, syllables).Select(_ => Syllables[_random.Next(Syllables.Length)]));
}
