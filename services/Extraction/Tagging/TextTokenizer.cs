using System.Text.RegularExpressions;

namespace Newsroom.Extraction.Tagging;

/// <summary>
/// Splits running text into the tokens the tagger was trained on (CoNLL-style): words with their inner
/// hyphens and apostrophes ("al-Sudani", "O'Neill"), dotted abbreviations ("U.S.", "Mr."), numbers (scores and
/// dates with their hyphens: "2-0", "1996-08-30"),
/// a possessive "'s" on its own, and each punctuation mark.
/// </summary>
public static partial class TextTokenizer
{
    private static readonly HashSet<string> AbbreviationsWithPeriod = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sgt", "Sen", "Rep", "Gov", "Capt", "Maj", "St", "Jr", "Sr", "Prof", "Co", "Corp", "Inc", "Ltd", "Bros", "Mt", "Ft", "No", "vs",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    };

    [GeneratedRegex(@"(?:\p{L}\.){2,}|\p{N}+(?:[.,:/-]\p{N}+)*|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’&][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*|['’][sS]\b|[^\s\p{L}\p{N}]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    public static List<TaggedToken> Tokenize(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<TaggedToken>();
        var match = TokenPattern().Match(text, start, end - start);
        while (match.Success)
        {
            var tokenEnd = match.Index + match.Length;
            if (tokenEnd < end && text[tokenEnd] == '.' && AbbreviationsWithPeriod.Contains(match.Value))
            {
                tokenEnd++;
            }

            var value = text[match.Index..tokenEnd];
            if (value.Length > 2 && value[^2] is '\'' or '’' && value[^1] is 's' or 'S')
            {
                // "Biden's": the name and the possessive are two tokens, as in the training data.
                tokens.Add(new TaggedToken(value[..^2], match.Index, tokenEnd - 2));
                tokens.Add(new TaggedToken(value[^2..], tokenEnd - 2, tokenEnd));
            }
            else
            {
                tokens.Add(new TaggedToken(value, match.Index, tokenEnd));
            }

            match = tokenEnd > match.Index + match.Length ? TokenPattern().Match(text, tokenEnd, end - tokenEnd) : match.NextMatch();
        }

        return tokens;
    }
}
