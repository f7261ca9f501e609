using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Newsroom.Extraction;

/// <summary>
/// The spelling-independent key of an entity name, and the canonical id derived from it. A pure function
/// of the name, so every extraction instance gives the same id without shared state:
/// lower case, no diacritics or punctuation, no articles and particles (the, al-, el-), stop words
/// (of, in, for) or legal forms (Inc, Ltd, and at the end Corp, AG, SA), Arabic organisation words translated (kataib -> brigade)
/// and abbreviations written out (Mt -> mount), and for names of two or more
/// words a consonant skeleton per word (Mohammed / Mohamed -> mhmd, Kataib / Kataeb -> ktb), the words
/// taken as an unordered set ("Hezbollah Brigades" = "Kataib Hezbollah"). Single words keep their
/// full spelling, where a skeleton would merge unrelated names (Sudan / Sudani), except for the
/// transliteration families of <see cref="NameVariants"/> (Hizballah = Hezbollah). A known short form
/// is keyed as the name it stands for (US / U.S. / USA = United States). What outlets add around a group's name to say
/// what it is goes ("Iran-backed Houthi rebels" = "Houthis" = "Houthi"), and so does the country before an agency's
/// ("US Central Command" = "Central Command"); a first name's short form is the name ("Dave" = "David").
/// </summary>
public static class CanonicalKey
{
    private static readonly HashSet<string> DroppedWords = new(StringComparer.Ordinal)
    {
        "the", "of", "in", "for", "and", "al", "el", "a", "an", "inc", "ltd", "llc", "plc",
    };

    /// <summary>
    /// Arabic words for an organised body and their English equivalents, singular. They open a name, as the head of an
    /// Arabic name comes first ("Jaish al-Mahdi" is the Mahdi Army).
    /// </summary>
    private static readonly Dictionary<string, string> ArabicBodies = new(StringComparer.Ordinal)
    {
        ["kataib"] = "brigade", ["kataeb"] = "brigade", ["katibat"] = "brigade", ["katiba"] = "brigade", ["liwa"] = "brigade",
        ["saraya"] = "company", ["jaish"] = "army", ["jaysh"] = "army",
        ["harakat"] = "movement", ["harakah"] = "movement", ["haraka"] = "movement",
        ["asaib"] = "league", ["asaeb"] = "league", ["usbat"] = "league", ["hizb"] = "party",
        ["jabhat"] = "front", ["jabhah"] = "front", ["jabha"] = "front", ["faylaq"] = "corps", ["failaq"] = "corps",
        ["majlis"] = "council", ["quwat"] = "force", ["hashd"] = "mobilisation",
    };

    /// <summary>Other words of Arabic organisation names and English plurals, with their English singular.</summary>
    private static readonly Dictionary<string, string> Glossary = new(ArabicBodies.Concat(new Dictionary<string, string>
    {
        ["brigades"] = "brigade", ["companies"] = "company", ["armies"] = "army", ["movements"] = "movement",
        ["leagues"] = "league", ["parties"] = "party", ["fronts"] = "front", ["councils"] = "council", ["forces"] = "force",
        ["mobilization"] = "mobilisation",
        ["shaabi"] = "popular", ["shabi"] = "popular",
        ["muqawama"] = "resistance", ["muqawamah"] = "resistance",
        ["islamiya"] = "islamic", ["islamiyya"] = "islamic", ["islamiyah"] = "islamic",
        ["dawla"] = "state", ["dawlat"] = "state",
        ["tahrir"] = "liberation",
        ["ansar"] = "supporters",
        ["guards"] = "guard",

        // Abbreviations of English name words: "Mt Cook" is "Mount Cook", "Microsoft Corp." "Microsoft Corporation".
        ["mt"] = "mount", ["ft"] = "fort", ["corp"] = "corporation", ["univ"] = "university", ["dept"] = "department",
        ["intl"] = "international", ["natl"] = "national", ["assn"] = "association",
    }), StringComparer.Ordinal);

    /// <summary>
    /// Words outlets put after a group's name to say what it is: "Houthi rebels" and "the Houthis" name one group. Words
    /// that are also part of proper names ("Group", "Forces", "Army") stay.
    /// </summary>
    private static readonly HashSet<string> GroupDescriptors = new(StringComparer.Ordinal)
    {
        "rebels", "militants", "militia", "militias", "fighters", "insurgents", "gunmen", "extremists", "separatists", "terrorists",
    };

    /// <summary>
    /// The second word of a modifier outlets put before a name to say who stands behind it or where it sits: "Iran-backed
    /// Houthis", "US-based Eagle Bulk Shipping", "Saudi-led coalition".
    /// </summary>
    private static readonly HashSet<string> ModifierParticiples = new(StringComparer.Ordinal)
    {
        "backed", "led", "aligned", "allied", "linked", "based", "funded", "supported", "sponsored", "owned", "flagged", "operated",
    };

    // Letters with diacritics and their plain forms, position by position. A table rather than Unicode
    // decomposition, which the services' invariant-globalisation mode does not perform.
    private const string DiacriticFolds = "àáâãäåāăąçćčďđèéêëēėęěğģìíîïīįıķļľłñńņňòóôõöøōőŕřśşšșţťțùúûüūůűųýÿźżžḥṣṭẓḍ";
    private const string FoldedLetters = "aaaaaaaaacccddeeeeeeeeggiiiiiiiklllnnnnoooooooorrsssstttuuuuuuuuyyzzzhstzd";

    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = WordsWithoutLegalForm(name);
        if (NameVariants.KnownName(words) is { } known)
        {
            // The known name's legal form goes as a mention's does: "FDIC" is "Federal Deposit Insurance Corporation".
            words = WordsWithoutLegalForm(known.Name);
        }
        else
        {
            words = WithoutCountry(words);
        }

        if (words.Count >= 2)
        {
            words[0] = FormalFirstNames.GetValueOrDefault(words[0], words[0]);
        }

        if (words.Count == 0)
        {
            return string.Empty;
        }

        if (words.Count == 1)
        {
            return words[0];
        }

        return string.Join(' ', words.Select(Skeleton).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    private static List<string> WordsWithoutLegalForm(string name)
    {
        var written = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return Words(string.Join(' ', written.Take(NameVariants.WithoutLegalForm(written))));
    }

    /// <summary>
    /// An agency's name without the country that opens it, when two words or more remain: outlets write "US Central
    /// Command", "United States Central Command" and "Central Command", "U.S. Federal Aviation Administration" and
    /// "Federal Aviation Administration" for one body; "US Navy" and "US Steel" keep theirs.
    /// </summary>
    private static List<string> WithoutCountry(List<string> words) => words switch
    {
        ["us" or "usa" or "uk", _, _, ..] => words[1..],
        ["united", "states" or "kingdom", _, _, ..] => words[2..],
        _ => words,
    };

    /// <summary>
    /// Common English short forms of a first name and the name they shorten, for keys only: "Dave Calhoun" and "David
    /// Calhoun" are one person, and each mention keeps its own spelling on show.
    /// </summary>
    private static readonly Dictionary<string, string> FormalFirstNames = new(StringComparer.Ordinal)
    {
        ["dave"] = "david", ["mike"] = "michael", ["bob"] = "robert", ["bobby"] = "robert", ["rob"] = "robert",
        ["bill"] = "william", ["billy"] = "william", ["jim"] = "james", ["jimmy"] = "james", ["joe"] = "joseph",
        ["tom"] = "thomas", ["tommy"] = "thomas", ["dick"] = "richard", ["rick"] = "richard", ["chuck"] = "charles",
        ["ted"] = "edward", ["tony"] = "anthony", ["dan"] = "daniel", ["danny"] = "daniel", ["matt"] = "matthew",
        ["nick"] = "nicholas", ["steve"] = "steven", ["ben"] = "benjamin", ["andy"] = "andrew", ["ken"] = "kenneth",
        ["ron"] = "ronald", ["greg"] = "gregory", ["tim"] = "timothy", ["jon"] = "jonathan", ["larry"] = "lawrence",
        ["jerry"] = "gerald", ["pete"] = "peter", ["doug"] = "douglas", ["jeff"] = "jeffrey", ["fred"] = "frederick",
    };

    /// <summary>Whether a folded, lower-case word is an Arabic word for an organised body ("kataib", "jaish", "harakat").</summary>
    internal static bool IsArabicBody(string word) => ArabicBodies.ContainsKey(word);

    /// <summary>"ent_" and 12 hex digits of the SHA-256 of the key.</summary>
    public static string IdOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return "ent_" + Convert.ToHexStringLower(hash, 0, 6);
    }

    /// <summary>
    /// The name's words, folded and translated, without articles, particles and stop words, a descriptor after a group's
    /// name or a modifier before it (<see cref="GroupDescriptors"/>, <see cref="ModifierParticiples"/>), and with a plural
    /// in -is as its singular ("Houthis", "Israelis").
    /// </summary>
    internal static List<string> Words(string name)
    {
        var folded = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’' or '‘' or 'ʿ' or 'ʾ' or '.')
            {
                continue;
            }

            var lower = char.ToLowerInvariant(PlainLetter(c));
            folded.Append(char.IsLetterOrDigit(lower) ? lower : ' ');
        }

        var words = new List<string>();
        foreach (var word in folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!DroppedWords.Contains(word))
            {
                var preferred = NameVariants.Preferred(word);
                words.Add(Singular(Glossary.GetValueOrDefault(preferred, preferred)));
            }
        }

        if (words.Count >= 2 && GroupDescriptors.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        if (words.Count >= 3 && ModifierParticiples.Contains(words[1]))
        {
            words.RemoveRange(0, 2);
        }

        return words;
    }

    /// <summary>
    /// A people's or group's plural in -is as its singular ("houthis" -> "houthi"). Other words ending so ("paris",
    /// "davis") lose the s too, which keeps them apart from every other name all the same.
    /// </summary>
    private static string Singular(string word) =>
        word.Length >= 5 && word.EndsWith("is", StringComparison.Ordinal) ? word[..^1] : word;

    /// <summary>The letter without its diacritic, in the same case: 'é' -> 'e', 'Ş' -> 'S'.</summary>
    internal static char PlainLetter(char c)
    {
        var lower = char.ToLowerInvariant(c);
        var plain = DiacriticFolds.IndexOf(lower, StringComparison.Ordinal);
        if (plain < 0)
        {
            return c;
        }

        return lower == c ? FoldedLetters[plain] : char.ToUpperInvariant(FoldedLetters[plain]);
    }

    /// <summary>Consonants after the first letter, with spelling variants of transliteration folded and doubles collapsed.</summary>
    internal static string Skeleton(string word)
    {
        if (word.Length <= 3 || word.Any(char.IsDigit))
        {
            return word;
        }

        var skeleton = new StringBuilder(word.Length);
        skeleton.Append(Fold(word[0]));
        for (var i = 1; i < word.Length; i++)
        {
            var c = Fold(word[i]);
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' || (c == 'h' && i > 0 && word[i - 1] is 'p' or 'k' or 'g' or 'd' or 't'))
            {
                // Vowels, and the h of ph / kh / gh / dh / th, vary freely between transliterations.
                continue;
            }

            if (skeleton[^1] != c)
            {
                skeleton.Append(c);
            }
        }

        return skeleton.ToString();
    }

    private static char Fold(char c) => c switch
    {
        'q' or 'c' => 'k',
        'z' => 's',
        'w' => 'w',
        _ => c,
    };
}
