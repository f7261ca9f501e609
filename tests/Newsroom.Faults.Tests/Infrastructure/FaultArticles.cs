using Newsroom.Contracts.V1;

namespace Newsroom.Faults.Tests.Infrastructure;

/// <summary>
/// Small made-up articles in bulk, each about a different event with names and wording of its own
/// (so that dedup keeps them apart and stories stay small), and a few near-duplicate pairs: a
/// second outlet's copy with one word changed, at its own URL.
/// </summary>
public static class FaultArticles
{
    private static readonly string[] Syllables = ["ka", "lo", "mir", "ten", "vas", "dor", "pel", "rin", "sul", "tav", "bre", "gon", "hal", "jes", "nor", "quil"];
    private static readonly string[] Headlines =
    [
        "{0} council opens new {1}", "Storm floods {1} in {0}", "{2} elected mayor of {0}", "{0} court fines {3} over {1}",
        "Strike shuts {1} in {0}", "{3} buys {0} {1}", "Fire destroys {1} near {0}", "{0} bans traffic on {1} road",
        "{2} resigns from {3} board", "{3} recalls {1} parts sold in {0}", "{0} schools close for {1} repairs", "Police arrest {2} in {0} fraud case",
    ];
    private static readonly string[] Things =
    [
        "bridge", "library", "water plant", "rail depot", "hospital wing", "ferry terminal", "stadium", "power line", "market hall",
        "harbour wall", "tram line", "grain silo", "museum", "airport runway", "wind farm", "paper mill", "prison", "dam",
    ];
    private static readonly string[] Fillers =
    [
        "Witnesses described long queues outside", "Officials promised a full review of", "Unions questioned the cost of",
        "Insurers estimated the damage to", "Farmers nearby complained about", "Engineers inspected", "Shopkeepers welcomed news of",
        "Opposition members demanded documents about", "Local radio reported delays at", "Tourists photographed",
    ];

    /// <summary><paramref name="count"/> distinct articles, the last <paramref name="nearDuplicates"/> of them near copies of earlier ones.</summary>
    public static IReadOnlyList<SubmitArticleRequest> Create(int count, string prefix, int nearDuplicates = 4)
    {
        var originals = count - nearDuplicates;
        var articles = Enumerable.Range(1, originals).Select(i => Article(prefix, i, Text(i))).ToList();
        articles.AddRange(Enumerable.Range(1, nearDuplicates).Select(k =>
        {
            var original = k * (originals / (nearDuplicates + 1));
            return Article(prefix, originals + k, Text(original).Replace(" on Monday", " on Tuesday", StringComparison.Ordinal));
        }));
        return articles;
    }

    /// <summary>A made-up word for <paramref name="n"/>: distinct numbers give distinct names.</summary>
    public static string Name(int n) =>
        string.Concat(char.ToUpperInvariant(Syllables[n % 16][0]), Syllables[n % 16][1..], Syllables[n / 16 % 16], Syllables[n / 256 % 16]);

    /// <summary>A plain-text article of a few paragraphs about event <paramref name="n"/>.</summary>
    public static string Text(int n)
    {
        var words = new Random(n);
        var town = $"{Name(n)}ford";
        var thing = Pick(words, Things);
        var person = $"{Name(n + 4099)} {Name(n * 7 + 13)}";
        var company = $"{Name(n + 8191)} Holdings";
        var headline = string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(words, Headlines), town, thing, person, company);
        var details = Enumerable.Range(0, 4).Select(k => $"{Pick(words, Fillers)} the {Pick(words, Things)} of {Name(n * 3 + k + 101)}vale, {words.Next(2, 90)} km away.");
        return $"{headline}\n\n" +
               $"{headline} on Monday, {person} of {company} told the {Name(n + 31)} Courier. About {words.Next(20, 900)} people were affected, and the {thing} had stood since {words.Next(1850, 2020)}.\n\n" +
               string.Join(' ', details);
    }

    private static string Pick(Random words, string[] from) => from[words.Next(from.Length)];

    private static SubmitArticleRequest Article(string prefix, int i, string text) => new()
    {
        ClientRef = $"{prefix}-{i:D3}",
        Text = text,
        Source = $"Gazette {i % 4}",
        Url = $"https://gazette.example/{prefix}/{i}",
    };
}
