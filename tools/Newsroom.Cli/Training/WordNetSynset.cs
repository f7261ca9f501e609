using System.Globalization;

namespace Newsroom.Cli.Training;

/// <summary>One synset of a WordNet 3.0 data file (data.noun and the like), as the gazetteer and the alias table read it.</summary>
/// <param name="File">The lexicographer file: 14 noun.group, 15 noun.location, 17 noun.object, 18 noun.person.</param>
/// <param name="Hypernyms">The offsets of what the synset is a kind ("@") or an instance ("@i") of.</param>
internal sealed record WordNetSynset(string Offset, int File, IReadOnlyList<string> Lemmas, IReadOnlyList<string> Hypernyms, bool Instance)
{
    public const int GroupFile = 14;
    public const int LocationFile = 15;
    public const int NaturalObjectFile = 17;
    public const int PersonFile = 18;

    /// <summary>
    /// A data line: offset, lexicographer file, type, word count (hex), then word and lex id pairs, then a pointer count and
    /// pointers of four fields (symbol, offset, part of speech, source and target). Null for the licence lines that open
    /// the file, which start with a space.
    /// </summary>
    public static WordNetSynset? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.StartsWith(' '))
        {
            return null;
        }

        var fields = line.Split(' ');
        var count = Convert.ToInt32(fields[3], 16);
        var pointers = int.Parse(fields[4 + (count * 2)], CultureInfo.InvariantCulture);
        var hypernyms = Enumerable.Range(0, pointers).Select(i => 5 + (count * 2) + (i * 4)).Where(i => fields[i] is "@" or "@i").ToList();
        return new WordNetSynset(
            fields[0],
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            [.. Enumerable.Range(0, count).Select(i => Lemma(fields[4 + (i * 2)]))],
            [.. hypernyms.Select(i => fields[i + 1])],
            hypernyms.Any(i => fields[i] == "@i"));
    }

    /// <summary>"Washington_D.C." -> "Washington D.C."; adjectives carry a marker such as "(p)".</summary>
    private static string Lemma(string field)
    {
        var marker = field.IndexOf('(', StringComparison.Ordinal);
        return (marker > 0 ? field[..marker] : field).Replace('_', ' ');
    }
}
