using Newsroom.Contracts.V1;

namespace Newsroom.Faults.Tests.Infrastructure;

/// <summary>
/// Small made-up articles in bulk, each about a different event with names of its own, and a few
/// near-duplicate pairs: a second outlet's copy with one sentence reworded, at its own URL.
/// </summary>
public static class FaultArticles
{
    private static readonly string[] Syllables = ["ka", "lo", "mir", "ten", "vas", "dor", "pel", "rin", "sul", "tav", "bre", "gon", "hal", "jes", "nor", "quil"];
    private static readonly string[] Works = ["bridge", "library", "water plant", "rail depot", "hospital wing", "ferry terminal", "school", "power line", "market hall", "harbour wall"];

    /// <summary><paramref name="count"/> distinct articles, the last <paramref name="nearDuplicates"/> of them rewordings of earlier ones.</summary>
    public static IReadOnlyList<SubmitArticleRequest> Create(int count, string prefix, int nearDuplicates = 4)
    {
        var originals = count - nearDuplicates;
        var articles = Enumerable.Range(1, originals).Select(i => Article(prefix, i, Text(i, "said in a statement"))).ToList();
        articles.AddRange(Enumerable.Range(1, nearDuplicates).Select(k =>
        {
            var original = k * (originals / (nearDuplicates + 1));
            return Article(prefix, originals + k, Text(original, "told reporters on the steps of the town hall"));
        }));
        return articles;
    }

    /// <summary>A made-up word for <paramref name="n"/>: distinct numbers give distinct names.</summary>
    public static string Name(int n) =>
        string.Concat(char.ToUpperInvariant(Syllables[n % 16][0]), Syllables[n % 16][1..], Syllables[n / 16 % 16], Syllables[n / 256 % 16]);

    /// <summary>A plain-text article of a few paragraphs about event <paramref name="n"/>.</summary>
    public static string Text(int n, string attribution = "said in a statement")
    {
        var town = $"{Name(n)}ford";
        var work = Works[n % Works.Length];
        var leader = $"{Name(n + 7)} {Name(n * 3 + 1)}";
        return $"{town} council opens new {work}\n\n" +
               $"The {town} Municipal Council opened the new {work} on Monday after {n % 7 + 2} years of building work, " +
               $"council leader {leader} {attribution}. The {work} cost {n % 50 + 3} million and employs {n % 90 + 40} people.\n\n" +
               $"Residents of {town} had waited since {1990 + n % 30} for the project, which the council approved in a vote of {n % 9 + 3} to 2. " +
               $"Engineers from {Name(n + 11)} Works built it with stone from the {Name(n + 13)} quarry.";
    }

    private static SubmitArticleRequest Article(string prefix, int i, string text) => new()
    {
        ClientRef = $"{prefix}-{i:D3}",
        Text = text,
        Source = $"Gazette {i % 4}",
        Url = $"https://gazette.example/{prefix}/{i}",
    };
}
