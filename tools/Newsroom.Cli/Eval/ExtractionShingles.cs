using System.Text.RegularExpressions;

namespace Newsroom.Cli.Eval;

/// <summary>
/// The Article Extraction Benchmark's measure: the multisets of word 4-grams (tokens are runs of
/// word characters, case kept; a text shorter than four tokens is one shingle) of the extracted
/// and the gold body, compared count by count.
/// </summary>
internal static partial class ExtractionShingles
{
    private const int Size = 4;

    public static ExtractionCounts Compare(string predicted, string gold)
    {
        var predictedShingles = Count(predicted);
        var goldShingles = Count(gold);
        var truePositives = 0;
        var falsePositives = 0;
        foreach (var (shingle, count) in predictedShingles)
        {
            var matched = Math.Min(count, goldShingles.GetValueOrDefault(shingle));
            truePositives += matched;
            falsePositives += count - matched;
        }

        return new ExtractionCounts(truePositives, falsePositives, goldShingles.Values.Sum() - truePositives);
    }

    private static Dictionary<string, int> Count(string text)
    {
        var tokens = Token().Matches(text).Select(match => match.Value).ToList();
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Max(1, tokens.Count - Size + 1) && tokens.Count > 0; i++)
        {
            var key = string.Join(' ', tokens.Skip(i).Take(Size));
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }

        return shingles;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Token();
}
