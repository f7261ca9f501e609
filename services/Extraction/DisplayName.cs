using System.Text;

namespace Newsroom.Extraction;

/// <summary>
/// The name shown for an entity: one spelling for the variants <see cref="CanonicalKey"/> takes as one,
/// so that two articles spelling a name differently show the same name without sharing any state.
/// A pure function of the spelling: a known short form becomes its full name (U.S. -> United States);
/// letters lose their diacritics; a transliteration family takes its wire spelling (Mohamed ->
/// Mohammed, Kataeb -> Kataib); an article prefix opens the name as "Al-" and is dropped inside it, the
/// way wire style writes "Bashar Assad" (Al-Sudani / al-Sudani / Sudani -> Sudani); connectives are lower
/// case, and "in" between name words reads "of" (Islamic State in / of Iraq); words of an all-capitals
/// headline are title-cased, short acronyms kept; a leading "the" goes, and so does a company's legal form at the
/// end (Microsoft Corp. -> Microsoft).
/// </summary>
public static class DisplayName
{
    private static readonly HashSet<string> Connectives = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "in", "for", "and", "the", "on", "at", "bin", "ibn", "de", "van", "von",
    };

    private static readonly HashSet<string> ArticlePrefixes = new(StringComparer.OrdinalIgnoreCase) { "al", "el" };

    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (NameVariants.KnownName(CanonicalKey.Words(name)) is { } known)
        {
            return known.Name;
        }

        var tokens = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Plain).Where(t => t.Length > 0).ToList();
        if (tokens.Count > 1 && tokens[0].Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            tokens.RemoveAt(0);
        }

        var kept = NameVariants.WithoutLegalForm(tokens);
        tokens.RemoveRange(kept, tokens.Count - kept);

        var letters = tokens.SelectMany(t => t).Where(char.IsLetter).ToList();
        var headline = tokens.Count > 1 && letters.Count > 0 && letters.All(char.IsUpper);
        var shown = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var first = shown.Count == 0;
            var prefix = NamePrefix.NameStart(token);
            if (prefix > 0 && ArticlePrefixes.Contains(token[..(prefix - 1)]))
            {
                // "al-Sudani": the prefix opens a name ("Al-Aqsa") and is dropped inside one.
                var rest = Word(token[prefix..], headline);
                shown.Add(first ? "Al-" + rest : rest);
            }
            else if (!first && i + 1 < tokens.Count && ArticlePrefixes.Contains(token))
            {
                // "Jaish al Mahdi": a separate prefix inside a name goes the same way; "Al Gore" and "El Salvador" keep theirs.
                continue;
            }
            else if (!first && Connectives.Contains(token))
            {
                shown.Add(token.Equals("in", StringComparison.OrdinalIgnoreCase) ? "of" : token.ToLowerInvariant());
            }
            else
            {
                shown.Add(Word(token, headline));
            }
        }

        return shown.Count == 0 ? name.Trim() : string.Join(' ', shown);
    }

    /// <summary>One name word: its family spelling, title case in a headline unless a short acronym, acronym dots dropped.</summary>
    private static string Word(string token, bool headline)
    {
        if (token.Length >= 3 && token.Count(c => c == '.') >= 2 && token.Where(c => c != '.').All(char.IsUpper))
        {
            return token.Replace(".", string.Empty, StringComparison.Ordinal);
        }

        var lower = token.ToLowerInvariant();
        var preferred = NameVariants.Preferred(lower);
        if (!preferred.Equals(lower, StringComparison.Ordinal))
        {
            return char.ToUpperInvariant(preferred[0]) + preferred[1..];
        }

        if (headline && token.Count(char.IsLetter) > 3)
        {
            return char.ToUpperInvariant(token[0]) + lower[1..];
        }

        return char.IsLower(token[0]) ? char.ToUpperInvariant(token[0]) + token[1..] : token;
    }

    /// <summary>The token without diacritics and transliteration marks, with one apostrophe.</summary>
    private static string Plain(string token)
    {
        var plain = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            if (c is 'ʿ' or 'ʾ' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            plain.Append(c is '’' or '‘' ? '\'' : CanonicalKey.PlainLetter(c));
        }

        return plain.ToString();
    }
}
