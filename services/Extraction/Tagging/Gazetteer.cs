using System.IO.Compression;
using System.Text;

namespace Newsroom.Extraction.Tagging;

/// <summary>
/// Names of places, people and organisations, and the words English writes in lower case, built by
/// `newsroom train gazetteers` from GeoNames and WordNet. Names are matched on lower-cased tokens, so
/// they also match in all-caps headlines.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>Longer names are rare and only cost lookups.</summary>
    public const int MaxNameTokens = 6;

    private const string CommonWordType = "WORD";

    /// <summary>Every single type a name can have, in the order files list them.</summary>
    public static readonly IReadOnlyList<GazetteerTypes> NameTypes = [.. Enum.GetValues<GazetteerTypes>().Where(t => t != GazetteerTypes.None)];

    private readonly Dictionary<string, GazetteerTypes> names;
    private readonly Dictionary<string, GazetteerTypes>.AlternateLookup<ReadOnlySpan<char>> namesBySpan;

    /// <summary>The first tokens of longer names ("new", "new york" of "new york city"): a match grows only while it is one.</summary>
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> openingsBySpan;
    private readonly HashSet<string> commonWords;

    public Gazetteer(Dictionary<string, GazetteerTypes> names, HashSet<string> commonWords)
    {
        ArgumentNullException.ThrowIfNull(names);
        this.names = names;
        namesBySpan = names.GetAlternateLookup<ReadOnlySpan<char>>();
        var openings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names.Keys)
        {
            for (var space = name.IndexOf(' ', StringComparison.Ordinal); space > 0; space = name.IndexOf(' ', space + 1))
            {
                openings.Add(name[..space]);
            }
        }

        openingsBySpan = openings.GetAlternateLookup<ReadOnlySpan<char>>();
        this.commonWords = commonWords;
    }

    public int NameCount => names.Count;

    public int CommonWordCount => commonWords.Count;

    /// <summary>Whether English writes this word in lower case (a WordNet lemma in lower case).</summary>
    public bool IsCommonWord(string lowerWord) => commonWords.Contains(lowerWord);

    /// <summary>What a name (lower-cased tokens joined by single spaces) can be.</summary>
    public GazetteerTypes TypesOf(string lowerName) => names.GetValueOrDefault(lowerName);

    /// <summary>The names (lower-cased tokens joined by single spaces) that have every one of these types, in ordinal order.</summary>
    public IEnumerable<string> NamesOf(GazetteerTypes types) =>
        names.Where(n => (n.Value & types) == types).Select(n => n.Key).Order(StringComparer.Ordinal);

    /// <summary>The types of the longest name that starts at each token, and its length in tokens (0 for none).</summary>
    public (GazetteerTypes Types, int Length)[] LongestMatches(IReadOnlyList<string> lowerTokens)
    {
        ArgumentNullException.ThrowIfNull(lowerTokens);
        var matches = new (GazetteerTypes, int)[lowerTokens.Count];
        // Candidate names are looked up as spans of one buffer: a string each would be up to six a token, all garbage.
        var key = new char[64];
        for (var start = 0; start < lowerTokens.Count; start++)
        {
            var used = 0;
            for (var length = 1; length <= MaxNameTokens && start + length <= lowerTokens.Count; length++)
            {
                var token = lowerTokens[start + length - 1];
                if (used + token.Length + 1 > key.Length)
                {
                    Array.Resize(ref key, Math.Max(used + token.Length + 1, key.Length * 2));
                }

                if (length > 1)
                {
                    key[used++] = ' ';
                }

                token.CopyTo(key.AsSpan(used));
                used += token.Length;
                if (namesBySpan.TryGetValue(key.AsSpan(0, used), out var types))
                {
                    matches[start] = (types, length);
                }

                if (!openingsBySpan.Contains(key.AsSpan(0, used)))
                {
                    break;
                }
            }
        }

        return matches;
    }

    /// <summary>Reads a gazetteer written by <see cref="Write"/>: gzip-compressed lines of type TAB name.</summary>
    public static Gazetteer Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var names = new Dictionary<string, GazetteerTypes>(StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            var type = line[..tab];
            var name = line[(tab + 1)..];
            if (type == CommonWordType)
            {
                words.Add(name);
            }
            else if (Enum.TryParse<GazetteerTypes>(type, out var parsed))
            {
                names[name] = names.GetValueOrDefault(name) | parsed;
            }
        }

        return new Gazetteer(names, words);
    }

    /// <summary>Writes names (already tokenised, lower-cased and joined by single spaces) and common words, sorted so that the file diffs well.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false));
        foreach (var (name, types) in names.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            foreach (var type in NameTypes.Where(t => types.HasFlag(t)))
            {
                writer.Write(type.ToString());
                writer.Write('\t');
                writer.Write(name);
                writer.Write('\n');
            }
        }

        foreach (var word in commonWords.Order(StringComparer.Ordinal))
        {
            writer.Write(CommonWordType);
            writer.Write('\t');
            writer.Write(word);
            writer.Write('\n');
        }
    }
}
