namespace Newsroom.Extraction.Tagging;

/// <summary>
/// A name often ends in a word that says what it names. A company's ends in its legal form or its trade ("Daimler-Benz
/// AG", "Glaxo Wellcome Plc", "Nomura Securities"), and that word makes the whole an organisation, whatever the words
/// before it would be alone: the tagger read "Nomura Securities" as a person, and "Daimler-Benz AG" as a person followed
/// by the organisation "AG". A structure named after a person ends in what it is ("Francis Scott Key Bridge", which the
/// tagger read as the person "Francis Scott" and the place "Key Bridge", or as "Francis Scott Key" and a bridge), and is
/// a place. When such a word ends or directly follows a name, the name and the word are one organisation or place.
/// </summary>
internal static class DesignatedNames
{
    /// <summary>Trades that end company names in English-language news, as written there; legal forms are <see cref="NameVariants.IsLegalForm"/>.</summary>
    private static readonly HashSet<string> Trades = new(StringComparer.Ordinal)
    {
        "Holdings", "Securities", "Airlines", "Airways", "Motors", "Industries", "Pharmaceuticals", "Petroleum", "Telecom",
        "Telecommunications",
    };

    /// <summary>Structures that end place names, as written there; none that is also a common surname ("Hall", "Arena", "Park").</summary>
    private static readonly HashSet<string> Facilities = new(StringComparer.Ordinal)
    {
        "Bridge", "Tunnel", "Airport", "Stadium", "Dam", "Highway", "Expressway", "Freeway", "Turnpike",
    };

    /// <summary>Corrects <paramref name="tags"/> (IOB2) of one sentence in place; <paramref name="words"/> are the tokens normalised.</summary>
    public static void Apply(IReadOnlyList<string> tokens, IReadOnlyList<string> words, string[] tags, Gazetteer gazetteer)
    {
        // Where the run of tagged words before the current one starts: one pass, however many designators a run has.
        var run = 0;
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tags[i - 1] == EntityTags.Outside)
            {
                run = i;
            }

            var legalForm = NameVariants.IsLegalForm(tokens[i]);
            var facility = Facilities.Contains(tokens[i]);
            if ((!legalForm && !Trades.Contains(tokens[i]) && !facility) || (tags[i - 1] == EntityTags.Outside && !NameBefore(tokens[i - 1], words[i - 1], legalForm, gazetteer)))
            {
                continue;
            }

            // The name before the designator, and any name right before that: the tagger may have cut one company in two
            // ("Glaxo" and "Wellcome Plc").
            var first = tags[i - 1] == EntityTags.Outside ? i - 1 : run;
            var end = i + 1;
            while (end < tags.Length && tags[end].StartsWith("I-", StringComparison.Ordinal))
            {
                end++;
            }

            EntityTags.Name(tags, first, end, facility ? "LOC" : "ORG");

            run = first;
            i = end - 1;
        }
    }

    /// <summary>
    /// Whether a word the tagger left out before a legal form or trade is the name too ("Veltrana-Benz AG"): a capitalised
    /// word, unless English writes it in lower case ("Chemical Industries" may be no name). Before a legal form, a word in
    /// title case is a company's name whatever it means alone ("Apple Inc.", "Target Corp."); in capitals it may be any
    /// word ("IS LIMITED").
    /// </summary>
    private static bool NameBefore(string token, string word, bool legalForm, Gazetteer gazetteer) =>
        token.Length > 0 && char.IsUpper(token[0]) && (!gazetteer.IsCommonWord(word) || (legalForm && token.Any(char.IsLower)));

    /// <summary>
    /// News names a company in full once ("Apple Inc.") and by its name alone after that ("Apple said"), where the name
    /// may be a common word the tagger leaves out. Each name that a legal form ended in the document is an organisation
    /// wherever else it stands untagged and alone (not inside a longer capitalised run: "Apple Music").
    /// </summary>
    public static void ApplyToDocument(IReadOnlyList<IReadOnlyList<string>> sentences, string[][] tags)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var firstWords = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < sentences.Count; s++)
        {
            foreach (var (_, start, end) in EntitySpans.Of(tags[s]).Where(span => span.Type == "ORG"))
            {
                var span = sentences[s].Skip(start).Take(end - start).ToList();
                var kept = NameVariants.WithoutLegalForm(span);
                if (kept < span.Count && kept <= Gazetteer.MaxNameTokens)
                {
                    names.Add(string.Join(' ', span.Take(kept)));
                    firstWords.Add(span[0]);
                }
            }
        }
        if (names.Count == 0)
        {
            return;
        }
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s];
            for (var i = 0; i < tokens.Count; i++)
            {
                // The longest name first; a lookup per length keeps the work linear in the document.
                for (var length = firstWords.Contains(tokens[i]) ? Math.Min(Gazetteer.MaxNameTokens, tokens.Count - i) : 0; length >= 1; length--)
                {
                    if (StandsAlone(tokens, tags[s], i, i + length) && names.Contains(string.Join(' ', tokens.Skip(i).Take(length))))
                    {
                        EntityTags.Name(tags[s], i, i + length, "ORG");
                        i += length - 1;
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Whether the tokens from start to end are untagged, and no capitalised word runs on from them (a sentence's first word may precede them).</summary>
    private static bool StandsAlone(IReadOnlyList<string> tokens, string[] tags, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (tags[i] != EntityTags.Outside)
            {
                return false;
            }
        }
        static bool Capitalised(string token) => token.Length > 0 && char.IsUpper(token[0]);
        return (start <= 1 || !Capitalised(tokens[start - 1])) && (end >= tokens.Count || !Capitalised(tokens[end]));
    }
}
