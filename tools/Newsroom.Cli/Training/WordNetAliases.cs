using Newsroom.Contracts.V1;
using Newsroom.Extraction.Tagging;

namespace Newsroom.Cli.Training;

/// <summary>
/// Names that WordNet gives one organisation or place, for the alias table that extraction keys an entity by: a synset
/// is one identity ("North Atlantic Treaty Organization", "NATO"; "Burma", "Myanmar"; "Bombay", "Mumbai").
/// Organisations come from noun.group (under an organisation kind, not a faith: <see cref="WordNetOrganisations"/>),
/// places from the instances of noun.location and noun.object. A name is left out where it would merge what news keeps
/// apart: a name of more than one synset ("Georgia", "Islamic Jihad"); one or two words English also writes in lower
/// case, or their plurals ("Base", "Tigers", "Air Force", "Freedom Party"); an acronym of two letters ("EC"); a given
/// name or a person's name ("Mona"); an abbreviation ("Ltd."); and for an organisation a place's name ("Europe" of the
/// European Union). A synset keeps its place when two names remain.
/// </summary>
internal sealed class WordNetAliases
{
    private static readonly HashSet<string> Connectives = new(StringComparer.Ordinal) { "of", "the", "and", "for", "in", "on", "at", "to" };

    private readonly List<WordNetSynset> _candidates = [];
    private readonly Dictionary<string, int> _synsetsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly WordNetOrganisations _organisations = new();

    /// <summary>A synset of data.noun.</summary>
    public void Add(WordNetSynset synset)
    {
        ArgumentNullException.ThrowIfNull(synset);
        foreach (var name in synset.Lemmas.Where(IsCapitalised).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            _synsetsByName[name] = _synsetsByName.GetValueOrDefault(name) + 1;
        }

        if (synset.File == WordNetSynset.GroupFile && !synset.Instance)
        {
            _organisations.Add(synset.Offset, synset.Lemmas, synset.Hypernyms);
        }

        if (synset.File == WordNetSynset.GroupFile
            || (synset.Instance && synset.File is WordNetSynset.LocationFile or WordNetSynset.NaturalObjectFile))
        {
            _candidates.Add(synset);
        }
    }

    /// <summary>
    /// Each identity's type and names in WordNet's order, but the name to show first: WordNet's first that is not an
    /// acronym, or when that is one word, the one-word name news writes most, the most frequent in
    /// <paramref name="wordRanks"/> (WordNet gives "Bruxelles" before "Brussels", "Hizballah" before "Hezbollah"). Names
    /// of several words keep WordNet's order: the frequency of their words is not theirs ("Near East" is not more
    /// common than "Middle East" for "near" being commoner than "middle").
    /// </summary>
    /// <param name="wordRanks">Lower-case words by frequency rank, the most frequent 0.</param>
    public IEnumerable<(EntityType Type, IReadOnlyList<string> Names)> Identities(Gazetteer gazetteer, IReadOnlyDictionary<string, int> wordRanks)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(wordRanks);
        foreach (var synset in _candidates)
        {
            var organisation = synset.File == WordNetSynset.GroupFile;
            if (organisation && !_organisations.IsOrganisation(synset.Hypernyms))
            {
                continue;
            }

            var names = synset.Lemmas.Where(name => Usable(name, organisation, gazetteer)).Distinct(StringComparer.Ordinal).ToList();
            if (names.Count < 2)
            {
                continue;
            }

            var first = names.Find(name => !IsAcronym(name));
            var shown = first is not null && Words(first).Count == 1
                ? names.Where(name => !IsAcronym(name) && Words(name).Count == 1).MinBy(name => wordRanks.GetValueOrDefault(Words(name)[0], int.MaxValue))
                : first;
            if (shown is not null)
            {
                names.Remove(shown);
                names.Insert(0, shown);
            }

            yield return (organisation ? EntityType.Organization : EntityType.Location, names);
        }
    }

    private bool Usable(string name, bool organisation, Gazetteer gazetteer)
    {
        if (!IsCapitalised(name) || _synsetsByName.GetValueOrDefault(name) != 1 || (IsAcronym(name) && name.Count(char.IsLetter) <= 2)
            || name.Count(char.IsLetter) < 3 || (name.EndsWith('.') && !name.Contains(' ', StringComparison.Ordinal)))
        {
            return false;
        }

        // A name of one or two ordinary words is a description that other countries' bodies bear too ("Air Force", "Freedom
        // Party", "People's Party"); one of three or more is a name ("Central Intelligence Agency").
        var content = Words(name).Where(word => !Connectives.Contains(word) && word[0] is not ('\'' or '’')).ToList();
        if (content.Count <= 2 && content.All(word => gazetteer.IsCommonWord(word) || (word.EndsWith('s') && gazetteer.IsCommonWord(word[..^1]))))
        {
            return false;
        }

        var types = gazetteer.TypesOf(string.Join(' ', TextTokenizer.Tokenize(name, 0, name.Length).Select(t => t.Text.ToLowerInvariant())));
        var excluded = GazetteerTypes.FirstName | GazetteerTypes.Person | (organisation ? GazetteerTypes.Location : GazetteerTypes.None);
        return (types & excluded) == GazetteerTypes.None;
    }

    private static List<string> Words(string name) =>
        [.. TextTokenizer.Tokenize(name, 0, name.Length).Select(t => t.Text.ToLowerInvariant()).Where(t => t.Any(char.IsLetter))];

    private static bool IsCapitalised(string name) => char.IsUpper(name[0]);

    private static bool IsAcronym(string name) => name.Where(char.IsLetter).All(char.IsUpper);
}
