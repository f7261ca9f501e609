using System.Globalization;
using System.Text;
using Newsroom.Extraction.Tagging;

namespace Newsroom.Cli.Training;

/// <summary>
/// Reads the Groningen Meaning Bank NER sample (`Sentence #,Word,POS,Tag`, IOB over GMB's classes) into
/// sentences tagged the CoNLL way, so that what the tagger learns is what news NER is scored on.
/// per, org and geo become PER, ORG and LOC; art, eve and nat become MISC; tim is not a name. Where the
/// two conventions differ, CoNLL's wins: gpe is LOC where the corpus tags the same words as a place
/// elsewhere or the gazetteer knows them as a place and not a nationality ("Jordan"), MISC otherwise
/// ("Iraqi"); a per or org the gazetteer knows only as a nationality or a member of a people, faith or
/// party is MISC ("Kurds"); an org the corpus tags as a place elsewhere (not a tenth as often) and the gazetteer
/// knows only as a place is LOC ("Moscow said"; "Xinhua" stays ORG), and a geo the corpus tags as an organisation
/// elsewhere and the gazetteer knows as one and not as a place is ORG ("U.N.", "Red Cross"). Leading
/// titles come out of person names: ordinary words (the corpus or WordNet writes them in lower case:
/// "president", "prime") that are not given names ("Mark"), and honorifics ("Mr.", "Gen."); so does a
/// leading "the" that the gazetteer does not list as part of the name. A name right after an honorific
/// tagged alone is a person, whatever GMB tags it ("Mr." per, "Schwarzenegger" org).
/// </summary>
internal static class GmbCorpusReader
{
    /// <summary>How many times as often the corpus must call a name an organisation as a place for its place tags to count as slips.</summary>
    private const int NearlyAlways = 10;

    public static IReadOnlyList<GmbTaggedSentence> Read(string path, Gazetteer gazetteer)
    {
        var raw = ReadRaw(path);
        var lowerCaseWords = raw.SelectMany(s => s.Words).Where(w => w.Length > 0 && char.IsLower(w[0])).ToHashSet(StringComparer.Ordinal);
        var placeNames = TimesTagged(raw, "geo");
        var organisationNames = TimesTagged(raw, "org");
        bool IsTitle(string word)
        {
            var lower = word.ToLowerInvariant();
            return IsHonorific(word)
                || ((lowerCaseWords.Contains(lower) || gazetteer.IsCommonWord(lower)) && !gazetteer.TypesOf(lower).HasFlag(GazetteerTypes.FirstName));
        }

        var personTitles = PersonTitles(raw, IsTitle);
        var titles = new Titles(IsTitle, personTitles.Contains, word => gazetteer.TypesOf(word.ToLowerInvariant()).HasFlag(GazetteerTypes.FirstName));
        return raw.Select(s => new GmbTaggedSentence(s.Number, new TrainingSentence(s.Words, Convert(s, gazetteer, placeNames, organisationNames, titles)))).ToList();
    }

    /// <summary>How often the corpus tags each name with the GMB class.</summary>
    private static Dictionary<string, int> TimesTagged(List<RawSentence> sentences, string gmbType) =>
        sentences.SelectMany(s => EntitySpans.Of(s.Tags).Where(span => span.Type == gmbType).Select(span => Join(s.Words, span)))
            .CountBy(name => name, StringComparer.Ordinal)
            .ToDictionary(StringComparer.Ordinal);

    /// <summary>Titles the corpus puts before people's names ("Secretary", "Minister"), as opposed to words that head an organisation's name ("Ministry").</summary>
    private static HashSet<string> PersonTitles(List<RawSentence> sentences, Func<string, bool> isTitle) =>
        sentences
            .SelectMany(s => EntitySpans.Of(s.Tags).Where(span => span.Type == "per" && span.End - span.Start > 1).Select(span => s.Words[span.Start]))
            .Where(isTitle)
            .CountBy(word => word, StringComparer.Ordinal)
            .Where(count => count.Value >= 2)
            .Select(count => count.Key)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Where an office that ends in the span ends: "Secretary of [State Christopher Hill]", "Minister of [Defense]"; the
    /// span's start when there is none. GMB tags the office's last word as an organisation or a place, at times with the
    /// holder's name after it; CoNLL tags only the name.
    /// </summary>
    private static int OfficeEnd(List<string> words, int start, Titles titles) =>
        start >= 2 && words[start - 1] == "of" && titles.IsPersonTitle(words[start - 2]) && titles.IsTitle(words[start]) ? start + 1 : start;

    private static string[] Convert(RawSentence sentence, Gazetteer gazetteer, Dictionary<string, int> placeNames, Dictionary<string, int> organisationNames, Titles titles)
    {
        var tags = Enumerable.Repeat(EntityTags.Outside, sentence.Words.Count).ToArray();
        var honorificEnd = -1;
        foreach (var span in EntitySpans.Of(sentence.Tags))
        {
            var name = Join(sentence.Words, span);
            var known = gazetteer.TypesOf(name.ToLowerInvariant());

            // GMB often tags an honorific as a person and the name after it as something else ("Mr." per,
            // "Schwarzenegger" org): the honorific says what the name is.
            var type = span.Start == honorificEnd && span.Type is "org" or "geo" ? "PER" : TypeOf(span.Type, placeNames.GetValueOrDefault(name), organisationNames.GetValueOrDefault(name), known);
            honorificEnd = span.Type == "per" && span.End - span.Start == 1 && IsHonorific(sentence.Words[span.Start]) ? span.End : -1;
            if (type is null)
            {
                continue;
            }

            var start = span.Start;
            var officeEnd = OfficeEnd(sentence.Words, start, titles);
            if (officeEnd > start)
            {
                // After the office comes its holder's name ("Christopher Hill"), or no name at all ("for African Affairs").
                if (officeEnd == span.End || char.IsLower(sentence.Words[officeEnd][0]))
                {
                    continue;
                }

                if (titles.IsFirstName(sentence.Words[officeEnd]))
                {
                    start = officeEnd;
                    type = "PER";
                }
            }

            // CoNLL leaves "the" out of names ("the West Bank") unless it is part of one ("The Hague").
            if (span.End - start > 1 && sentence.Words[start].Equals("the", StringComparison.OrdinalIgnoreCase) && known == GazetteerTypes.None)
            {
                start++;
            }

            while (type == "PER" && start < span.End - 1 && titles.IsTitle(sentence.Words[start]))
            {
                start++;
            }

            // "Prime" tagged apart from "Minister Iyad Allawi": a title alone is no name.
            if (type == "PER" && start == span.End - 1 && titles.IsTitle(sentence.Words[start]))
            {
                continue;
            }

            for (var i = start; i < span.End; i++)
            {
                tags[i] = (i == start ? "B-" : "I-") + type;
            }
        }

        return tags;
    }

    /// <summary>
    /// The CoNLL type of a GMB span, from its GMB class, how often the corpus tags the same words as a place and as an
    /// organisation, and what the gazetteer knows them as; null for no name. An organisation the corpus also calls a
    /// place is the place ("Moscow said"), unless the corpus nearly always calls it an organisation: "Xinhua" is a news
    /// agency 28 times and a place once (and a town in GeoNames). GMB tags places as organisations often enough ("West
    /// Bank" 32 times against 7) that only a wide margin tells.
    /// </summary>
    private static string? TypeOf(string gmbType, int timesPlace, int timesOrganisation, GazetteerTypes known)
    {
        var place = known.HasFlag(GazetteerTypes.Location) && !known.HasFlag(GazetteerTypes.Nationality);
        return gmbType switch
        {
            "per" or "org" when known == GazetteerTypes.Nationality => "MISC",
            "per" => "PER",
            "org" => timesPlace > 0 && timesOrganisation < NearlyAlways * timesPlace && place && !known.HasFlag(GazetteerTypes.Organisation) ? "LOC" : "ORG",
            "geo" => timesOrganisation > 0 && known.HasFlag(GazetteerTypes.Organisation) && !place ? "ORG" : "LOC",
            "gpe" => timesPlace > 0 || place ? "LOC" : "MISC",
            "art" or "eve" or "nat" => "MISC",
            _ => null,
        };
    }

    /// <summary>"Mr.", "Mrs.", "Gen.": letters and a full stop, unlike an initial ("J.") or "U.S.".</summary>
    private static bool IsHonorific(string word) =>
        word.Length >= 3 && word[^1] == '.' && word[..^1].All(char.IsAsciiLetter);

    private static string Join(IReadOnlyList<string> words, (string Type, int Start, int End) span) =>
        string.Join(' ', words.Skip(span.Start).Take(span.End - span.Start));

    private static List<RawSentence> ReadRaw(string path)
    {
        if (!File.Exists(path))
        {
            throw new CommandFailedException($"the GMB file '{path}' does not exist", "pass --gmb with the path of gmb-partial.csv (../shared/corpus/ner/gmb-partial.csv)");
        }

        var sentences = new List<RawSentence>();
        RawSentence? current = null;
        var lineNumber = 1;
        foreach (var line in File.ReadLines(path, Encoding.Latin1).Skip(1))
        {
            lineNumber++;
            var fields = SplitCsv(line);
            if (fields.Count < 4)
            {
                continue;
            }

            if (fields[0].Length > 0)
            {
                if (!int.TryParse(fields[0].AsSpan(fields[0].IndexOf(':', StringComparison.Ordinal) + 1).Trim(), CultureInfo.InvariantCulture, out var number))
                {
                    throw new CommandFailedException($"line {lineNumber} of '{path}' starts a sentence without a number: '{fields[0]}'", "GMB lines start with \"Sentence: <number>\" or nothing; pass the gmb-partial.csv file as it is shipped");
                }

                current = new RawSentence(number, [], []);
                sentences.Add(current);
            }

            if (current is not null)
            {
                current.Words.Add(fields[1]);
                current.Tags.Add(fields[^1]);
            }
        }

        return sentences;
    }

    /// <summary>The sample quotes fields that hold a comma ("\",\"" for the comma token).</summary>
    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>(4);
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>What the reader knows of a word before a name: a title (ordinary word or honorific), a title of people, a given name.</summary>
    private sealed record Titles(Func<string, bool> IsTitle, Func<string, bool> IsPersonTitle, Func<string, bool> IsFirstName);

    private sealed record RawSentence(int Number, List<string> Words, List<string> Tags);
}
