using System.Text.RegularExpressions;

namespace Newsroom.Extraction;

/// <summary>Splits text into sentences at line breaks and at . ! ? (with closing quotes) before a capital or an opening quote.</summary>
internal static partial class SentenceSplitter
{
    [GeneratedRegex(@"\n+|(?<=[.!?][”""’)]?)\s+(?=[“""‘\p{Lu}])", RegexOptions.CultureInvariant)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    public static IEnumerable<Range> Split(string text)
    {
        var start = 0;
        foreach (Match boundary in Boundary().Matches(text))
        {
            if (boundary.Index > start && !IsAbbreviationEnd(text, boundary.Index))
            {
                yield return new Range(start, boundary.Index);
                start = boundary.Index + boundary.Length;
            }
            else if (boundary.Index <= start)
            {
                start = boundary.Index + boundary.Length;
            }
        }

        if (start < text.Length)
        {
            yield return new Range(start, text.Length);
        }
    }

    /// <summary>Sentences with at least <paramref name="minimumWords"/> words of letters, which skips datelines, bylines and time stamps.</summary>
    public static IEnumerable<Range> Prose(string text, int minimumWords) =>
        Split(text).Where(range => Word().Count(text[range]) >= minimumWords);

    private static bool IsAbbreviationEnd(string text, int index)
    {
        // "Mr. Biden", "U.S. forces", "Jan. 25": a period after a short capitalised word is not a sentence end.
        if (index == 0 || text[index - 1] != '.' || text[index] == '\n')
        {
            return false;
        }

        var wordStart = index - 1;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..(index - 1)];
        return word.Length is > 0 and <= 4 && char.IsUpper(word[0]);
    }
}
