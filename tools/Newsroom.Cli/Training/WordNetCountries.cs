namespace Newsroom.Cli.Training;

/// <summary>
/// Countries as WordNet files them: instances of a kind of country ("England" of "European country", "West Germany",
/// "Yugoslavia"). They add the nations that field sides of their own but are no state in world-countries (England,
/// Scotland, Northern Ireland) and states that no longer exist, which older news names.
/// </summary>
internal sealed class WordNetCountries
{
    private readonly Dictionary<string, IReadOnlyList<string>> _kinds = new(StringComparer.Ordinal);
    private readonly List<(IReadOnlyList<string> Lemmas, IReadOnlyList<string> Kinds)> _instances = [];

    /// <summary>A noun.location synset: its offset and lemmas, whether it is an instance, and the offsets of what it is (an instance) of.</summary>
    public void Add(string offset, IReadOnlyList<string> lemmas, bool instance, IReadOnlyList<string> hypernyms)
    {
        if (instance)
        {
            _instances.Add((lemmas, hypernyms));
        }
        else
        {
            _kinds[offset] = lemmas;
        }
    }

    /// <summary>The capitalised lemmas of the instances of a synset named "country" or "nation", or "European country" and the like.</summary>
    public IEnumerable<string> Names() =>
        _instances
            .Where(i => i.Kinds.Any(k => _kinds.TryGetValue(k, out var lemmas) && lemmas.Any(IsCountryKind)))
            .SelectMany(i => i.Lemmas.Where(l => char.IsUpper(l[0])));

    /// <summary>
    /// A country by name, or by its rule: WordNet files Wales and Monaco under "principality", Brunei under "sultanate".
    /// </summary>
    private static bool IsCountryKind(string lemma) =>
        lemma is "country" or "nation" or "principality" or "sultanate" or "emirate" or "grand duchy"
        || lemma.EndsWith(" country", StringComparison.Ordinal) || lemma.EndsWith(" nation", StringComparison.Ordinal);
}
