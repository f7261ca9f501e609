using System.Text;

namespace Newsroom.Extraction.Tagging;

/// <summary>
/// The tagger's view of a document: for each token, the features that do not depend on earlier tags
/// (the word, its shape and affixes, a window of two words each side, the sentence's casing, how the
/// same word is cased elsewhere in the document, and gazetteer matches); and the features of the tags
/// chosen before it. The same code serves training and tagging, so the two cannot drift apart.
/// </summary>
internal static class TokenFeatures
{
    private const string Start = "<s>";
    private const string End = "</s>";

    private static readonly GazetteerTypes[] MarkedTypes = [.. Enum.GetValues<GazetteerTypes>().Where(t => t != GazetteerTypes.None)];

    public static List<string>[][] OfDocument(IReadOnlyList<IReadOnlyList<string>> sentences, Gazetteer gazetteer, string domain)
    {
        var lower = sentences.Select(s => s.Select(t => t.ToLowerInvariant()).ToArray()).ToArray();
        var shapes = sentences.Select(s => s.Select(ShapeOf).ToArray()).ToArray();
        var modes = sentences.Select(ModeOf).ToArray();
        var casing = DocumentCasing(sentences, lower, modes);
        var result = new List<string>[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s];
            var words = lower[s];
            var shape = shapes[s];
            var mode = modes[s] switch { SentenceMode.AllCaps => "C", SentenceMode.TitleCase => "T", _ => "N" };
            var gazetteerMarks = GazetteerMarks(gazetteer.LongestMatches(words));
            result[s] = new List<string>[tokens.Count];
            for (var i = 0; i < tokens.Count; i++)
            {
                var w = words[i];
                var features = new List<string>(48)
                {
                    "b",
                    "w=" + w,
                    "s=" + shape[i],
                    "m=" + mode,
                    "ms=" + mode + shape[i],
                    "w-1=" + At(words, i - 1),
                    "w-2=" + At(words, i - 2),
                    "w+1=" + At(words, i + 1),
                    "w+2=" + At(words, i + 2),
                    "s-1=" + At(shape, i - 1),
                    "s+1=" + At(shape, i + 1),
                    "s-1s+1=" + At(shape, i - 1) + "|" + shape[i] + "|" + At(shape, i + 1),
                    "w-1w=" + At(words, i - 1) + "|" + w,
                    "ww+1=" + w + "|" + At(words, i + 1),
                };
                for (var n = 1; n <= 4 && n <= w.Length; n++)
                {
                    if (n <= 3)
                    {
                        features.Add(string.Concat("p", n.ToString(System.Globalization.CultureInfo.InvariantCulture), "=", w.AsSpan(0, n)));
                    }

                    features.Add(string.Concat("x", n.ToString(System.Globalization.CultureInfo.InvariantCulture), "=", w.AsSpan(w.Length - n)));
                }

                if (i == 0)
                {
                    features.Add("first");
                }

                if (HasLetter(w))
                {
                    var seen = casing.GetValueOrDefault(w);
                    var doc = (seen.Lower ? "l" : "-") + (seen.Capitalised ? "c" : "-");
                    var common = gazetteer.IsCommonWord(w) ? "cw" : "nw";
                    features.Add("dc=" + doc);
                    features.Add("mdc=" + mode + doc + shape[i]);
                    features.Add("cw=" + common);
                    features.Add("mcw=" + mode + common + shape[i] + (i == 0 ? "F" : string.Empty));
                    features.Add("cwdc=" + common + doc);
                }

                foreach (var mark in gazetteerMarks[i])
                {
                    features.Add("g=" + mark);
                    features.Add("gm=" + mode + mark);
                }

                if (i > 0)
                {
                    foreach (var mark in gazetteerMarks[i - 1])
                    {
                        features.Add("g-1=" + mark);
                    }
                }

                if (i + 1 < tokens.Count)
                {
                    foreach (var mark in gazetteerMarks[i + 1])
                    {
                        features.Add("g+1=" + mark);
                    }
                }

                AddDomainCopies(features, domain);
                result[s][i] = features;
            }
        }

        return result;
    }

    /// <summary>The features of a tag following <paramref name="previous"/> at a token: the pair of tags, and the previous tag with this word.</summary>
    public static List<string> OfTransition(string previous, string word, string domain)
    {
        var features = new List<string>(4) { "t-1=" + previous, "t-1w=" + previous + "|" + word.ToLowerInvariant() };
        AddDomainCopies(features, domain);
        return features;
    }

    /// <summary>
    /// Each feature again under the document's domain (Daumé 2007): the shared copy learns what holds
    /// in every corpus, the domain's copy learns its own conventions (how WikiANN tags clubs, how GMB
    /// tags nationalities), and tagging news uses the shared copy and the news copy.
    /// </summary>
    private static void AddDomainCopies(List<string> features, string domain)
    {
        if (domain.Length == 0)
        {
            return;
        }

        var count = features.Count;
        for (var i = 0; i < count; i++)
        {
            features.Add(string.Concat(domain, "#", features[i]));
        }
    }

    /// <summary>"Baghdad" -> "Xx", "U.S." -> "X.X.", "al-Sudani" -> "x-Xx", "2024" -> "d": one letter a run of a kind.</summary>
    public static string ShapeOf(string token)
    {
        var shape = new StringBuilder(8);
        var last = '\0';
        foreach (var c in token)
        {
            var kind = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (kind != last)
            {
                shape.Append(kind);
                last = kind;
            }

            if (shape.Length >= 8)
            {
                break;
            }
        }

        return shape.ToString();
    }

    private static string At(string[] values, int index) =>
        index < 0 ? Start : index >= values.Length ? End : values[index];

    private static bool HasLetter(string word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static SentenceMode ModeOf(IReadOnlyList<string> tokens)
    {
        var words = 0;
        var upper = 0;
        var capitalised = 0;
        foreach (var token in tokens)
        {
            if (token.Length < 2 || !char.IsLetter(token[0]))
            {
                continue;
            }

            words++;
            if (token.All(c => !char.IsLower(c)))
            {
                upper++;
            }
            else if (char.IsUpper(token[0]))
            {
                capitalised++;
            }
        }

        if (words >= 2 && upper * 10 >= words * 8)
        {
            return SentenceMode.AllCaps;
        }

        return words >= 3 && (capitalised + upper) * 10 >= words * 8 ? SentenceMode.TitleCase : SentenceMode.Normal;
    }

    /// <summary>For each word, whether the document writes it in lower case, and capitalised where case means something (mid-sentence, in normal sentences).</summary>
    private static Dictionary<string, (bool Lower, bool Capitalised)> DocumentCasing(
        IReadOnlyList<IReadOnlyList<string>> sentences, string[][] lower, SentenceMode[] modes)
    {
        var casing = new Dictionary<string, (bool Lower, bool Capitalised)>(StringComparer.Ordinal);
        for (var s = 0; s < sentences.Count; s++)
        {
            if (modes[s] != SentenceMode.Normal)
            {
                continue;
            }

            for (var i = 0; i < sentences[s].Count; i++)
            {
                var token = sentences[s][i];
                if (token.Length == 0 || !char.IsLetter(token[0]))
                {
                    continue;
                }

                var seen = casing.GetValueOrDefault(lower[s][i]);
                if (char.IsLower(token[0]))
                {
                    seen.Lower = true;
                }
                else if (i > 0 && token.Skip(1).Any(char.IsLower))
                {
                    seen.Capitalised = true;
                }

                casing[lower[s][i]] = seen;
            }
        }

        return casing;
    }

    /// <summary>"LOC-B", "LOC-I" and so on for each token a gazetteer name covers; the longest name wins where names overlap.</summary>
    private static List<string>[] GazetteerMarks((GazetteerTypes Types, int Length)[] matches)
    {
        var marks = new List<string>[matches.Length];
        for (var i = 0; i < marks.Length; i++)
        {
            marks[i] = [];
        }

        var coveredUntil = 0;
        for (var start = 0; start < matches.Length; start++)
        {
            var (types, length) = matches[start];
            if (length == 0 || start + length <= coveredUntil)
            {
                continue;
            }

            coveredUntil = start + length;
            foreach (var type in MarkedTypes)
            {
                if (!types.HasFlag(type))
                {
                    continue;
                }

                var name = type.ToString();
                for (var i = start; i < start + length; i++)
                {
                    marks[i].Add(name + (i == start ? "-B" : "-I") + (length == 1 ? "1" : string.Empty));
                }
            }
        }

        return marks;
    }
}
