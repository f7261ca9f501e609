using Newsroom.Contracts.V1;

namespace Newsroom.Extraction;

/// <summary>
/// General knowledge about how one name is written in several ways, shared by <see cref="CanonicalKey"/>
/// (one identity) and <see cref="DisplayName"/> (one spelling to show): transliteration families of
/// common Arabic name words with the spelling English-language wires use most, short forms of countries
/// and international bodies, the titles that precede a person's name, and the legal forms that end a company's.
/// </summary>
internal static class NameVariants
{
    /// <summary>Folded spellings of one name word and the spelling shown for all of them (the first).</summary>
    private static readonly string[][] TransliterationFamilies =
    [
        ["mohammed", "mohamed", "muhammad", "mohammad", "muhammed", "mohamad", "mohamud", "muhamad"],
        ["ahmed", "ahmad"],
        ["mahmoud", "mahmud", "mahmood"],
        ["hussein", "husein", "hussain", "husain", "husayn", "hossein"],
        ["hassan", "hasan"],
        ["hezbollah", "hizbollah", "hizballah", "hizbullah", "hezbolla"],
        ["kataib", "kataeb", "katayib"],
        ["asaib", "asaeb"],
        ["qaeda", "qaida", "qaedah"],
        ["abdul", "abdel", "abdal"],
        ["abdullah", "abdallah"],
        ["youssef", "yousef", "yusuf", "yousif", "youssif", "yusef"],
        ["osama", "usama"],
        ["mustafa", "mostafa", "moustafa", "mustapha"],
        ["omar", "umar"],
        ["khaled", "khalid"],
        ["nasser", "naser", "nasir"],
        ["qassem", "qasim", "qassim", "kassem", "kasim"],
        ["suleiman", "sulaiman", "sulayman", "soliman"],
        ["soleimani", "suleimani", "sulaimani"],
        ["ibrahim", "ebrahim"],
        ["yasser", "yasir", "yaser"],
        ["saeed", "saied", "sayeed"],
        ["houthi", "huthi", "hothi"],
        ["sheikh", "shaikh", "shaykh"],
        ["abu", "abou"],
    ];

    /// <summary>Folded words of a short form and the full name it stands for, with the identity's type.</summary>
    private static readonly (string[] Aliases, string Name, EntityType Type)[] KnownNames =
    [
        (["us", "usa", "united states america", "united states"], "United States", EntityType.Location),
        (["uk", "great britain", "britain", "united kingdom great britain northern ireland", "united kingdom"], "United Kingdom", EntityType.Location),
        (["uae", "united arab emirates"], "United Arab Emirates", EntityType.Location),
        (["drc", "dr congo", "democratic republic congo"], "Democratic Republic of the Congo", EntityType.Location),
        (["ussr", "soviet union"], "Soviet Union", EntityType.Location),
        (["prc", "peoples republic china", "china"], "China", EntityType.Location),
        (["russian federation", "russia"], "Russia", EntityType.Location),
        (["un", "united nations"], "United Nations", EntityType.Organization),
        (["eu", "european union"], "European Union", EntityType.Organization),
    ];

    /// <summary>Words that open a person mention without being part of the name: "President Joe Biden".</summary>
    private static readonly HashSet<string> PersonTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        "president", "vice", "prime", "minister", "secretary", "chancellor", "premier", "senator", "sen", "rep",
        "representative", "congressman", "congresswoman", "governor", "gov", "mayor", "mr", "mrs", "ms", "miss", "dr",
        "prof", "professor", "gen", "general", "lt", "lieutenant", "col", "colonel", "maj", "major", "capt", "captain",
        "sgt", "sergeant", "adm", "admiral", "commander", "judge", "spokesman", "spokeswoman", "spokesperson", "king",
        "queen", "prince", "princess", "ayatollah", "pope", "sir", "rev", "reverend", "bishop", "archbishop", "cardinal", "rabbi",
        "imam", "sheikh", "ambassador", "envoy", "inspector", "detective", "sheriff", "officer", "chairman", "chairwoman", "ceo",
        "coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "skipper", "quarterback", "receiver", "linebacker",
        "lineman", "pitcher", "actor", "actress", "singer", "rapper", "director", "qb", "rb", "wr", "te", "lb", "cb", "dt",
    };

    /// <summary>
    /// Legal forms that end company names, as news writes them: "Microsoft Corp.", "Microsoft Corporation" and "Microsoft"
    /// are one company, named all three ways. Written forms, so that a person's "Sa" or "Co" is not taken for one.
    /// </summary>
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "Inc", "Inc.", "Incorporated", "Corp", "Corp.", "Corporation", "Co", "Co.", "Ltd", "Ltd.", "Limited", "LLC",
        "LLP", "Plc", "PLC", "plc", "AG", "GmbH", "KGaA", "SA", "S.A.", "SpA", "S.p.A.", "NV", "N.V.", "BV", "B.V.",
        "AB", "ASA", "Oyj", "Bhd", "Pty", "INC", "INC.", "CORP", "CORP.", "CORPORATION", "LTD", "LTD.",
    };

    private static readonly Dictionary<string, string> PreferredByVariant = TransliterationFamilies
        .SelectMany(family => family.Select(variant => (variant, preferred: family[0])))
        .ToDictionary(pair => pair.variant, pair => pair.preferred, StringComparer.Ordinal);

    private static readonly Lazy<Dictionary<string, (string Name, EntityType Type)>> KnownNameByAlias = new(() => WithAliases(KnownAliases.Shipped));

    /// <summary>The family spelling of a folded, lower-case word ("mohamed" -> "mohammed"), or the word itself.</summary>
    public static string Preferred(string foldedWord) => PreferredByVariant.GetValueOrDefault(foldedWord, foldedWord);

    /// <summary>The full name a short form stands for, from the name's folded words without stop words ("u s" is not one: "us" is).</summary>
    public static (string Name, EntityType Type)? KnownName(IReadOnlyList<string> foldedWords) =>
        KnownNameByAlias.Value.TryGetValue(string.Join(' ', foldedWords), out var known) ? known : null;

    /// <summary>
    /// The short forms above, and the names of each identity of <paramref name="table"/> by their folded words. An identity
    /// that shares a name with one above is that one ("U.S.A." joins the United States). A name two identities give
    /// belongs to neither, and an identity shows its first name in its family spelling (Hizballah -> Hezbollah).
    /// </summary>
    internal static Dictionary<string, (string Name, EntityType Type)> WithAliases(KnownAliases table)
    {
        var byAlias = KnownNames
            .SelectMany(known => known.Aliases.Select(alias => (alias, known.Name, known.Type)))
            .ToDictionary(entry => entry.alias, entry => (entry.Name, entry.Type), StringComparer.Ordinal);
        var learnt = new Dictionary<string, (string Name, EntityType Type)?>(StringComparer.Ordinal);
        foreach (var (type, names) in table.Identities)
        {
            var keys = names.Select(name => string.Join(' ', CanonicalKey.Words(name))).Where(key => key.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            (string Name, EntityType Type) identity = keys.FirstOrDefault(byAlias.ContainsKey) is { } curated
                ? byAlias[curated]
                : (FamilySpelling(names[0]), type);
            foreach (var key in keys.Where(key => !byAlias.ContainsKey(key)))
            {
                learnt[key] = learnt.TryGetValue(key, out var other) && other != identity ? null : identity;
            }
        }
        foreach (var (key, identity) in learnt)
        {
            if (identity is { } known)
            {
                byAlias[key] = known;
            }
        }
        return byAlias;
    }

    /// <summary>Each word of the name in its family's spelling, with the word's capital: "Hizballah" -> "Hezbollah".</summary>
    private static string FamilySpelling(string name) =>
        string.Join(' ', name.Split(' ').Select(word =>
            Preferred(word.ToLowerInvariant()) is var preferred && !preferred.Equals(word, StringComparison.OrdinalIgnoreCase)
                ? char.ToUpperInvariant(preferred[0]) + preferred[1..]
                : word));

    /// <summary>The mention without leading titles, when a name remains: "President Joe Biden" -> "Joe Biden"; "Secretary General" stays.</summary>
    public static string WithoutTitles(string person)
    {
        var words = person.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var name = Array.FindIndex(words, word => !PersonTitles.Contains(word.TrimEnd('.')));
        return name <= 0 ? person : string.Join(' ', words[name..]);
    }

    /// <summary>Whether the word is a company's legal form as news writes it ("Corp.", "AG", "plc").</summary>
    public static bool IsLegalForm(string word) => LegalForms.Contains(word);

    /// <summary>"KH", "IRGC", "U.S.": a name's short form, two to six capitals or digits, dots between them allowed.</summary>
    public static bool IsAcronym(string name)
    {
        var letters = name.Replace(".", string.Empty, StringComparison.Ordinal);
        return letters.Length is >= 2 and <= 6 && char.IsUpper(letters[0]) && letters.All(c => char.IsUpper(c) || char.IsDigit(c));
    }

    /// <summary>
    /// How many of a name's words remain once the legal forms that end it go ("Daimler-Benz AG" keeps one of two): a
    /// legal form alone, or one that does not end the name ("Corporation for Public Broadcasting"), stays.
    /// </summary>
    public static int WithoutLegalForm(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var kept = words.Count;
        while (kept > 1 && LegalForms.Contains(words[kept - 1]))
        {
            kept--;
        }
        return kept;
    }
}
