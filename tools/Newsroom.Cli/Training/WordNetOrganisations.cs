namespace Newsroom.Cli.Training;

/// <summary>
/// Organisations that WordNet files as kinds, not instances: "United Nations", "NATO", "Red Cross",
/// "Taliban" are synsets of their own under "organization" or "social movement" in noun.group, where
/// only a few groups (mostly armed ones) are instances. A faith under "organized religion" is left out,
/// as CoNLL tags it MISC; so is a one-word name English also writes in lower case ("Army", "State").
/// </summary>
internal sealed class WordNetOrganisations
{
    private static readonly string[] Kinds = ["organization", "social movement"];
    private const string Faith = "organized religion";

    private readonly Dictionary<string, Synset> _synsets = new(StringComparer.Ordinal);
    private HashSet<string>? _kinds;
    private HashSet<string>? _faiths;

    /// <summary>A noun.group synset that is not an instance: its offset, lemmas and the offsets of its hypernyms.</summary>
    public void Add(string offset, IReadOnlyList<string> lemmas, IReadOnlyList<string> hypernyms) =>
        _synsets[offset] = new Synset(lemmas, hypernyms);

    /// <summary>The capitalised lemmas of the synsets under an organisation kind and not under a faith, with a dotted spelling of each short acronym ("U.N.").</summary>
    public IEnumerable<string> Names(ISet<string> lowerCaseWords)
    {
        foreach (var synset in _synsets.Values.Where(s => s.Lemmas.Any(IsCapitalised)))
        {
            if (!IsOrganisation(synset.Hypernyms))
            {
                continue;
            }

            foreach (var lemma in synset.Lemmas.Where(l => IsCapitalised(l) && (l.Contains(' ', StringComparison.Ordinal) || !lowerCaseWords.Contains(l.ToLowerInvariant()))))
            {
                yield return lemma;
                if (lemma.Length is >= 2 and <= 4 && lemma.All(char.IsAsciiLetterUpper))
                {
                    yield return string.Join('.', lemma.ToCharArray()) + ".";
                }
            }
        }
    }

    /// <summary>
    /// Whether a noun.group synset with these hypernyms, a kind or an instance ("Hamas" is an instance of a terrorist
    /// organisation), is under an organisation kind and not under a faith. Read once every synset is added.
    /// </summary>
    public bool IsOrganisation(IReadOnlyList<string> hypernyms)
    {
        _kinds ??= Offsets(s => s.Lemmas.Any(Kinds.Contains));
        _faiths ??= Offsets(s => s.Lemmas.Contains(Faith));
        var ancestors = Ancestors(hypernyms);
        return ancestors.Overlaps(_kinds) && !ancestors.Overlaps(_faiths);
    }

    private static bool IsCapitalised(string lemma) => char.IsUpper(lemma[0]);

    private HashSet<string> Offsets(Func<Synset, bool> which) =>
        _synsets.Where(s => which(s.Value)).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The hypernyms and every synset above them: a walk with a visited set, as a synset may have several hypernyms.</summary>
    private HashSet<string> Ancestors(IReadOnlyList<string> hypernyms)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(hypernyms);
        while (pending.TryPop(out var offset))
        {
            if (seen.Add(offset) && _synsets.TryGetValue(offset, out var above))
            {
                foreach (var hypernym in above.Hypernyms)
                {
                    pending.Push(hypernym);
                }
            }
        }

        return seen;
    }

    private sealed record Synset(IReadOnlyList<string> Lemmas, IReadOnlyList<string> Hypernyms);
}
