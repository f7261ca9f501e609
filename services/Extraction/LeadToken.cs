using System.Buffers;
using System.Text.RegularExpressions;

namespace Newsroom.Extraction;

/// <summary>A word of a lead sentence, lower-cased, with its character range and whether a clause boundary (, ; : — quotes, brackets) comes before it.</summary>
internal readonly partial record struct LeadToken(string Lower, int Start, int End, bool AfterBoundary)
{
    /// <summary>Work per sentence is bounded: the lead of a sentence is in its first words.</summary>
    public const int MaxPerSentence = 80;

    private static readonly SearchValues<char> Boundaries = SearchValues.Create(",;:—–()\"“”[]");

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-’'][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    public static List<LeadToken> Tokenize(string source, Range range)
    {
        var (start, end) = (range.Start.Value, range.End.Value);
        var tokens = new List<LeadToken>();
        var previousEnd = start;
        for (var match = Word().Match(source, start, end - start); match.Success && tokens.Count < MaxPerSentence; match = match.NextMatch())
        {
            var gap = source.AsSpan(previousEnd, match.Index - previousEnd);
            tokens.Add(new LeadToken(match.Value.ToLowerInvariant(), match.Index, match.Index + match.Length, gap.IndexOfAny(Boundaries) >= 0));
            previousEnd = match.Index + match.Length;
        }

        return tokens;
    }
}
