using System.Text;
using System.Text.RegularExpressions;

namespace Newsroom.Ingest;

/// <summary>Small, shared judgements about one line or paragraph of text.</summary>
internal static partial class TextLines
{
    /// <summary>Collapses runs of whitespace (including no-break spaces) to one space and trims.</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200b' || c == '\ufeff')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    public static int WordCount(string line) => WordPattern().Count(line);

    /// <summary>Ends like a sentence: terminal punctuation, possibly inside closing quotes or brackets.</summary>
    public static bool EndsLikeSentence(string line)
    {
        var end = line.TrimEnd('"', '\'', '\u201d', '\u2019', ')', ']', '\u00bb', ' ');
        return end.Length > 0 && end[^1] is '.' or '!' or '?' or '\u2026';
    }

    /// <summary>A paragraph of running text: a sentence of some length.</summary>
    public static bool IsBodyParagraph(string line) => EndsLikeSentence(line) && WordCount(line) >= 8;

    /// <summary>Could be a headline: a few words, capitalised, not punctuated like a sentence or a label.</summary>
    public static bool IsHeadlineLike(string line)
    {
        var words = WordCount(line);
        if (words < 3 || words > 30 || line.Length > 220)
        {
            return false;
        }
        var first = line[0];
        var startsWell = char.IsUpper(first) || char.IsDigit(first) || first is '"' or '\u201c' or '\'' or '\u2018';
        return startsWell && line[^1] is not ('.' or ',' or ';' or ':');
    }

    /// <summary>The first sentence of a text, shortened at a word boundary, for articles without a headline.</summary>
    public static string LeadSentence(string text, int maxLength)
    {
        var firstParagraph = text.Split('\n', 2)[0];
        var match = SentenceEnd().Match(firstParagraph);
        var sentence = match.Success ? firstParagraph[..(match.Index + 1)] : firstParagraph;
        return Shorten(sentence, maxLength);
    }

    /// <summary>The text itself if it is short enough, else cut at a word boundary and ended with an ellipsis, at most <paramref name="maxLength"/> characters.</summary>
    public static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', maxLength - 1);
        var kept = cut > 0 ? cut : maxLength - 1;
        // Never split a surrogate pair.
        if (kept > 0 && char.IsHighSurrogate(text[kept - 1]))
        {
            kept--;
        }
        return string.Concat(text.AsSpan(0, kept).TrimEnd(), "\u2026");
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['\u2019\-][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[.!?](?=\s+[\p{Lu}""\u201c])")]
    private static partial Regex SentenceEnd();
}
