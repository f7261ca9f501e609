using System.Text;

namespace Newsroom.Extraction.Tagging;

/// <summary>
/// The tagger's view of a document: for each token, the features that do not depend on the tags (the
/// word, its shape and affixes, a window of two words each side, the sentence's casing, how the same
/// word is cased elsewhere in the document, its word classes and its neighbours', and gazetteer matches, the
/// last two once more in sports copy), and the features of a pair of neighbouring tags. The same code serves training and tagging, so the
/// two cannot drift apart.
/// </summary>
internal static class TokenFeatures
{
    private const string Start = "<s>";
    private const string End = "</s>";

    private static readonly System.Buffers.SearchValues<char> TypographicMarks = System.Buffers.SearchValues.Create("“”„‘’‚–—");

    /// <summary>The feature every pair of neighbouring tags has: the pair itself.</summary>
    public static readonly ulong PairBias = FeatureHash.Of("t");

    private static readonly string[] GrainNames = ["0", "1", "2", "3", "4", "5", "6", "7"];

    /// <summary>Every token <see cref="Normalised"/>, once per document: features, tag pairs and the prediction history all read these.</summary>
    public static string[][] NormalisedWords(IReadOnlyList<IReadOnlyList<string>> sentences) =>
        [.. sentences.Select(s => s.Select(Normalised).ToArray())];

    /// <summary>The gazetteer's longest match at each token of each sentence of <see cref="NormalisedWords"/>: features and <see cref="WholeNames"/> both read these.</summary>
    public static (GazetteerTypes Types, int Length)[][] GazetteerMatches(string[][] lower, Gazetteer gazetteer) =>
        [.. lower.Select(gazetteer.LongestMatches)];

    /// <summary>How each sentence is cased: features and the tagging order both read these.</summary>
    public static SentenceMode[] Modes(IReadOnlyList<IReadOnlyList<string>> sentences) => [.. sentences.Select(ModeOf)];

    /// <summary>
    /// The order to tag a document's sentences in: running text first, then headlines and all-caps lines. A headline
    /// comes before its story but says least about case, so the prediction history should reach it with what the
    /// story's sentences made of its words ("ARSENAL" after "Manchester United beat Arsenal").
    /// </summary>
    public static int[] TaggingOrder(IReadOnlyList<SentenceMode> modes) =>
        [.. Enumerable.Range(0, modes.Count).OrderBy(s => modes[s] == SentenceMode.Normal ? 0 : 1)];

    /// <summary>
    /// For each token of each sentence, its features that do not depend on the tags; <paramref name="lower"/> is
    /// <see cref="NormalisedWords"/> of the sentences, <paramref name="modes"/> their <see cref="Modes"/> and
    /// <paramref name="matches"/> their <see cref="GazetteerMatches"/>.
    /// </summary>
    public static ulong[][][] OfDocument(
        IReadOnlyList<IReadOnlyList<string>> sentences, string[][] lower, SentenceMode[] modes, (GazetteerTypes Types, int Length)[][] matches, Gazetteer gazetteer, WordClusters clusters)
    {
        var shapes = sentences.Select(s => s.Select(ShapeOf).ToArray()).ToArray();
        var casing = DocumentCasing(sentences, lower, modes);
        var sport = IsSportsCopy(sentences, lower);
        var result = new ulong[sentences.Count][][];
        var features = new List<ulong>(64);
        for (var s = 0; s < sentences.Count; s++)
        {
            var words = lower[s];
            var shape = shapes[s];
            var mode = modes[s] switch { SentenceMode.AllCaps => "C", SentenceMode.TitleCase => "T", _ => "N" };
            var gazetteerMarks = GazetteerMarks(matches[s]);
            var classes = words.Select(clusters.ClassesOf).ToArray();
            result[s] = new ulong[words.Length][];
            for (var i = 0; i < words.Length; i++)
            {
                var w = words[i];
                features.Clear();
                features.Add(FeatureHash.Of("b"));
                features.Add(FeatureHash.Of("w", w));
                features.Add(FeatureHash.Of("s", shape[i]));
                features.Add(FeatureHash.Of("m", mode));
                features.Add(FeatureHash.Of("ms", mode, shape[i]));
                features.Add(FeatureHash.Of("w-1", At(words, i - 1)));
                features.Add(FeatureHash.Of("w-2", At(words, i - 2)));
                features.Add(FeatureHash.Of("w+1", At(words, i + 1)));
                features.Add(FeatureHash.Of("w+2", At(words, i + 2)));
                features.Add(FeatureHash.Of("s-1", At(shape, i - 1)));
                features.Add(FeatureHash.Of("s+1", At(shape, i + 1)));
                features.Add(FeatureHash.Of("s-1s+1", At(shape, i - 1), shape[i], At(shape, i + 1)));
                features.Add(FeatureHash.Of("w-1w", At(words, i - 1), w));
                features.Add(FeatureHash.Of("ww+1", w, At(words, i + 1)));
                for (var n = 1; n <= 4 && n <= w.Length; n++)
                {
                    if (n <= 3)
                    {
                        features.Add(FeatureHash.Of("p", w.AsSpan(0, n)));
                    }

                    features.Add(FeatureHash.Of("x", w.AsSpan(w.Length - n)));
                }

                if (i == 0)
                {
                    features.Add(FeatureHash.Of("first"));
                }

                if (HasLetter(w))
                {
                    var seen = casing.GetValueOrDefault(w);
                    var doc = seen.Lower ? (seen.Capitalised ? "lc" : "l-") : (seen.Capitalised ? "-c" : "--");
                    var common = gazetteer.IsCommonWord(w) ? "cw" : "nw";
                    features.Add(FeatureHash.Of("dc", doc));
                    features.Add(FeatureHash.Of("mdc", mode, doc, shape[i]));
                    features.Add(FeatureHash.Of("cw", common));
                    features.Add(FeatureHash.Of(i == 0 ? "mcwF" : "mcw", mode, common, shape[i]));
                    features.Add(FeatureHash.Of("cwdc", common, doc));
                }

                AddClasses(features, "c", classes, i);
                AddClasses(features, "c-1", classes, i - 1);
                AddClasses(features, "c+1", classes, i + 1);
                foreach (var mark in gazetteerMarks[i])
                {
                    features.Add(FeatureHash.Of("g", mark));
                    features.Add(FeatureHash.Of("gm", mode, mark));
                    if (sport)
                    {
                        features.Add(FeatureHash.Of("gs", mark));
                    }
                }

                if (sport)
                {
                    AddClasses(features, "cs", classes, i);
                }

                if (i > 0)
                {
                    foreach (var mark in gazetteerMarks[i - 1])
                    {
                        features.Add(FeatureHash.Of("g-1", mark));
                    }
                }

                if (i + 1 < words.Length)
                {
                    foreach (var mark in gazetteerMarks[i + 1])
                    {
                        features.Add(FeatureHash.Of("g+1", mark));
                    }
                }

                result[s][i] = [.. features];
            }
        }

        return result;
    }

    /// <summary>The feature of a pair of neighbouring tags at a token beside <see cref="PairBias"/>: the pair with this word (any case).</summary>
    public static ulong OfPair(string normalisedWord) => FeatureHash.Of("tw", normalisedWord);

    /// <summary>
    /// The word in lower case with typographic quotes and dashes as ASCII: the training corpora write
    /// "''" and "-", news sites “”, ’ and —, and the tagger should read them alike.
    /// </summary>
    public static string Normalised(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var lower = token.ToLowerInvariant();
        return lower.AsSpan().IndexOfAny(TypographicMarks) < 0
            ? lower
            : string.Create(lower.Length, lower, static (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    span[i] = Ascii(source[i]);
                }
            });
    }

    /// <summary>"Baghdad" -> "Xx", "U.S." -> "X.X.", "al-Sudani" -> "x-Xx", "2024" -> "d": one letter a run of a kind.</summary>
    public static string ShapeOf(string token)
    {
        var shape = new StringBuilder(8);
        var last = '\0';
        foreach (var c in token)
        {
            var kind = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : Ascii(c);
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

    private static char Ascii(char c) => c switch
    {
        '“' or '”' or '„' => '"',
        '‘' or '’' or '‚' => '\'',
        '–' or '—' => '-',
        _ => c,
    };

    /// <summary>The word's class at each grain, each grain its own template; nothing for a word the clusters lack or a place beyond the sentence.</summary>
    private static void AddClasses(List<ulong> features, string template, string[]?[] classes, int index)
    {
        if (index < 0 || index >= classes.Length || classes[index] is not { } path)
        {
            return;
        }

        for (var g = 0; g < path.Length; g++)
        {
            features.Add(FeatureHash.Of(template, GrainNames[g], path[g]));
        }
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

    /// <summary>Words that news uses of sport alone: two of them make a document sports copy.</summary>
    private static readonly HashSet<string> SportsWords = new(StringComparer.Ordinal)
    {
        "goal", "goals", "striker", "midfielder", "defender", "goalkeeper", "coach", "league", "relegation", "promoted",
        "innings", "wickets", "tournament", "championship", "semifinal", "semi-final", "quarterfinal", "quarter-final",
        "touchdown", "quarterback", "playoff", "playoffs", "referee", "unbeaten", "equaliser", "equalizer", "substitute",
    };

    /// <summary>
    /// Whether the document reads like sports copy: a score ("2-1", "6-4"), a results line or table row, or two
    /// words news uses of sport alone ("striker", "league"). In sports copy a town is mostly a club, an organisation;
    /// elsewhere a place. The tagger learns both, each where it holds.
    /// </summary>
    private static bool IsSportsCopy(IReadOnlyList<IReadOnlyList<string>> sentences, string[][] lower)
    {
        HashSet<string>? sportsWords = null;
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s];
            var numbers = 0;
            var named = false;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (IsScore(tokens[i])
                    || (SportsWords.Contains(lower[s][i]) && (sportsWords ??= new(StringComparer.Ordinal)).Add(lower[s][i]) && sportsWords.Count >= 2))
                {
                    return true;
                }

                numbers += IsSmallNumber(tokens[i]) ? 1 : 0;
                named |= tokens[i].Length > 1 && char.IsUpper(tokens[i][0]);
            }

            // A results line or a table row: a name among small numbers ("Leeds 2 Everton 0", "Lyon 12 8 3 1 24 10 27").
            if (named && tokens.Count <= 12 && numbers >= 2 && numbers * 3 >= tokens.Count)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"2-1", "6-4": two numbers of one or two digits joined by a hyphen.</summary>
    private static bool IsScore(string token)
    {
        var dash = token.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && dash <= 2 && token.Length - dash - 1 is 1 or 2
            && IsSmallNumber(token[..dash]) && IsSmallNumber(token[(dash + 1)..]);
    }

    private static bool IsSmallNumber(string token) => token.Length is 1 or 2 && token.All(char.IsAsciiDigit);

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
            foreach (var type in Gazetteer.NameTypes)
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
