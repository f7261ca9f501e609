namespace Newsroom.Extraction.Tagging;

/// <summary>
/// A name's last word is its head and says what it names. A name the tagger read as a person but whose last word
/// the gazetteer knows only as an organisation ("Kataib Hezbollah") is an organisation: person names end in
/// surnames, which are seldom organisations too. A person or organisation whose last word is a kind of place
/// ("Yangtze River", "Fujian Province") is a place, unless it begins with a given name, as some surnames are such
/// words ("Ricki Lake", "Michael Bay"), or has "of" before its head ("University of ... Valley"). A county is a place
/// only where the tagger read a person: "Derby County" is also a football club. An Arabic name puts its head first:
/// one that opens with a word for an organised body ("Jaish al-Mahdi", the Mahdi Army; "Harakat al-Nujaba") is an
/// organisation, which the tagger, reading such names as people's, got wrong in seven of nine. One that opens with
/// "Abu" or "Umm", father or mother of, is a person's byname ("Abu Baqir al-Saadi", which the tagger read as an
/// organisation), unless the gazetteer knows it or its start ("Abu Sayyaf gunmen") or a word of it names a body
/// ("... Brigades"); a place keeps its tag ("Abu Kamal" is a town).
/// </summary>
internal static class NameHeads
{
    private static readonly HashSet<string> PlaceHeads = new(StringComparer.Ordinal)
    {
        "river", "lake", "sea", "ocean", "mountain", "mountains", "valley", "island", "islands", "bay", "gulf", "strait",
        "desert", "peninsula", "province", "region", "district", "canal", "coast", "heights", "plateau", "basin", "delta",
        "glacier", "falls", "county",
    };

    private static readonly HashSet<string> Kunyas = new(StringComparer.Ordinal) { "abu", "umm" };

    private static readonly HashSet<string> BodyHeads = new(StringComparer.Ordinal)
    {
        "brigade", "brigades", "battalion", "battalions", "group", "organization", "organisation", "movement", "army", "front",
        "forces", "party", "company", "network",
    };

    /// <summary>Corrects <paramref name="tags"/> (IOB2) of one sentence in place; <paramref name="words"/> are the tokens normalised.</summary>
    public static void Apply(IReadOnlyList<string> words, string[] tags, Gazetteer gazetteer)
    {
        foreach (var (type, start, end) in EntitySpans.Of(tags))
        {
            if (end - start < 2)
            {
                continue;
            }

            var head = words[end - 1];
            if (type != "ORG" && CanonicalKey.IsArabicBody(words[start]))
            {
                EntityTags.Name(tags, start, end, "ORG");
            }
            else if (type is "ORG" or "MISC" && Kunyas.Contains(words[start])
                && gazetteer.LongestMatches([.. words.Skip(start).Take(Math.Min(end - start, Gazetteer.MaxNameTokens))])[0].Length < 2
                && !words.Skip(start + 1).Take(end - start - 1).Any(BodyHeads.Contains))
            {
                EntityTags.Name(tags, start, end, "PER");
            }
            else if (type == "PER" && !gazetteer.IsCommonWord(head) && gazetteer.TypesOf(head) == GazetteerTypes.Organisation)
            {
                EntityTags.Name(tags, start, end, "ORG");
            }
            else if ((type == "PER" || (type == "ORG" && head != "county"))
                && PlaceHeads.Contains(head)
                && !gazetteer.TypesOf(words[start]).HasFlag(GazetteerTypes.FirstName)
                && !words.Skip(start).Take(end - start).Contains("of"))
            {
                EntityTags.Name(tags, start, end, "LOC");
            }
        }
    }
}
