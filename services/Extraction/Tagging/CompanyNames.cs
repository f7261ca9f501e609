namespace Newsroom.Extraction.Tagging;

/// <summary>
/// A company's name often ends in its legal form or its trade ("Daimler-Benz AG", "Glaxo Wellcome Plc", "Nomura
/// Securities"), and that word makes the whole an organisation, whatever the words before it would be alone: the
/// tagger read "Nomura Securities" as a person, and "Daimler-Benz AG" as a person followed by the organisation "AG".
/// When such a word ends or directly follows a name, the name and the word are one organisation.
/// </summary>
internal static class CompanyNames
{
    /// <summary>Legal forms and trades that end company names in English-language news, as written there.</summary>
    private static readonly HashSet<string> Designators = new(StringComparer.Ordinal)
    {
        "AG", "GmbH", "KGaA", "Plc", "PLC", "plc", "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Ltd", "Ltd.",
        "Limited", "LLC", "LLP", "SpA", "S.p.A.", "SA", "S.A.", "NV", "N.V.", "BV", "B.V.", "AB", "ASA", "Oyj", "Bhd",
        "Pty", "Holdings", "Securities", "Airlines", "Airways", "Motors", "Industries", "Pharmaceuticals",
        "Petroleum", "Telecom", "Telecommunications",
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

            // A capitalised word the tagger left out before it is the name too ("Veltrana-Benz AG"), unless English writes it in lower case.
            if (!Designators.Contains(tokens[i])
                || (tags[i - 1] == EntityTags.Outside && (tokens[i - 1].Length == 0 || !char.IsUpper(tokens[i - 1][0]) || gazetteer.IsCommonWord(words[i - 1]))))
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

            EntityTags.Name(tags, first, end, "ORG");

            run = first;
            i = end - 1;
        }
    }
}
