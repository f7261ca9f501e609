using System.Text.RegularExpressions;

namespace Newsroom.Extraction;

/// <summary>Splits text into words: letters and digits, dotted abbreviations ("U.S.", "Mr."), Arabic article prefixes kept on their word ("al-Sudani").</summary>
internal static partial class WordTokenizer
{
    private static readonly HashSet<string> AbbreviationsWithPeriod = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sgt", "Sen", "Rep", "Gov", "Capt", "Maj", "St", "Jr", "Prof",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    };

    private static readonly HashSet<string> ArticlePrefixes = new(StringComparer.OrdinalIgnoreCase) { "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul" };

    [GeneratedRegex(@"(?:\p{L}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    public static List<WordToken> Tokenize(string text)
    {
        var tokens = new List<WordToken>();
        var previousEnd = 0;
        var match = WordPattern().Match(text);
        while (match.Success)
        {
            var start = match.Index;
            var end = match.Index + match.Length;
            if (ArticlePrefixes.Contains(match.Value) && end + 1 < text.Length && text[end] == '-' && char.IsLetter(text[end + 1]))
            {
                // "al-Sudani": the prefix and the name are one word.
                match = match.NextMatch();
                end = match.Index + match.Length;
            }
            else if (end < text.Length && text[end] == '.' && AbbreviationsWithPeriod.Contains(match.Value))
            {
                end++;
            }

            var gap = text[previousEnd..start];
            var word = text[start..end];
            if (word is "s" or "S" && gap is "'" or "’")
            {
                // A possessive ends a name: the next word's gap keeps the "'s".
                match = match.NextMatch();
                continue;
            }

            tokens.Add(new WordToken(word, start, end, gap, tokens.Count == 0 || gap.AsSpan().IndexOfAny(".!?:\n") >= 0));
            previousEnd = end;
            match = match.NextMatch();
        }

        return tokens;
    }
}
