using System.Text.RegularExpressions;
using Newsroom.Contracts.V1;

namespace Newsroom.Cli.Bench;

/// <summary>
/// What a search load asks: one or two words per search, drawn from a word list with ranks spread on a
/// log scale, so that the load holds the few words of many stories as well as the many words of few.
/// </summary>
internal static partial class SearchQueries
{
    /// <summary>How many stories' titles give the words when no list is given.</summary>
    public const int TitleSample = 500;

    private const int MinimumWordLength = 4;

    /// <summary>
    /// <paramref name="count"/> searches over <paramref name="words"/> (most frequent first, as
    /// <c>fill-query-index</c> writes them); the seed fixes them.
    /// </summary>
    public static IReadOnlyList<string> Create(IReadOnlyList<string> words, int count, int seed)
    {
        var random = new Random(seed);
        string Pick() => words[Math.Min(words.Count - 1, (int)Math.Exp(random.NextDouble() * Math.Log(words.Count + 1)) - 1)];
        return Enumerable.Range(0, count).Select(_ => random.Next(10) < 7 ? Pick() : $"{Pick()} {Pick()}").ToList();
    }

    /// <summary>The words of a file, one a line, in its order.</summary>
    public static IReadOnlyList<string> FromFile(string path) =>
        File.ReadLines(path).Select(line => line.Trim()).Where(line => line.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The words of the deployment's newest story titles, most frequent first: a load for any deployment.</summary>
    public static async Task<IReadOnlyList<string>> FromTitlesAsync(NewsroomClient client, CancellationToken cancellationToken)
    {
        var titles = new List<string>();
        var token = "";
        do
        {
            var page = await client.ListStoriesAsync(new ListStoriesRequest { PageSize = 100, PageToken = token }, cancellationToken).ConfigureAwait(false);
            titles.AddRange(page.Stories.Select(story => story.Title));
            token = page.NextPageToken;
        }
        while (token.Length > 0 && titles.Count < TitleSample);
        return titles
            .SelectMany(title => Word().Matches(title).Select(match => match.Value.ToLowerInvariant()))
            .Where(word => word.Length >= MinimumWordLength)
            .CountBy(word => word)
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => pair.Key)
            .ToList();
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
