using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Newsroom.Extraction.Tagging;

/// <summary>
/// Classes of words that occur in like contexts in a large body of news and encyclopaedia text, at
/// three nested grains (a few broad classes, each split finer, and finer again), built by
/// `newsroom train word-clusters` from pretrained word vectors. The labelled corpora name a few
/// thousand people and places; these classes put a surname or a town the tagger never saw beside ones
/// it did (Turian et al. 2010; Guo et al. 2014).
/// </summary>
public sealed class WordClusters
{
    /// <summary>The most grains a file may have: each is a feature template of its own.</summary>
    public const int MaxGrains = 8;

    /// <summary>No classes: every word is unknown. Taggers trained without clusters read documents with this.</summary>
    public static readonly WordClusters None = new(new Dictionary<string, string[]>(StringComparer.Ordinal), 0);

    private readonly Dictionary<string, string[]> classes;

    /// <param name="classes">Each word's class names (numbers) at each grain, coarsest first; words as <see cref="TokenFeatures.Normalised"/> gives them.</param>
    public WordClusters(Dictionary<string, string[]> classes, int grains)
    {
        this.classes = classes;
        Grains = grains;
    }

    /// <summary>How many nested grains each word has, coarsest first.</summary>
    public int Grains { get; }

    public int WordCount => classes.Count;

    /// <summary>The word's class at each grain, coarsest first, or null for a word the vectors do not have.</summary>
    public string[]? ClassesOf(string lowerWord) => classes.GetValueOrDefault(lowerWord);

    /// <summary>Reads a file written by <see cref="Write"/>: gzip-compressed lines of word TAB class TAB class…, coarsest first.</summary>
    public static WordClusters Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var classes = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var grains = -1;
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var fields = line.Split('\t');
            if (grains < 0)
            {
                grains = fields.Length - 1;
            }

            if (fields.Length < 2 || fields.Length - 1 != grains || grains > MaxGrains || fields[0].Length == 0)
            {
                throw new InvalidDataException($"Word cluster line {number} is not word TAB class ({grains} classes each); build the file with `newsroom train word-clusters`.");
            }

            var path = new string[grains];
            for (var g = 0; g < grains; g++)
            {
                var name = fields[g + 1];
                if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    throw new InvalidDataException($"Word cluster line {number} has a class that is not a number ('{name}'); build the file with `newsroom train word-clusters`.");
                }

                path[g] = Shared(names, name);
            }

            classes[fields[0]] = path;
        }

        return new WordClusters(classes, Math.Max(grains, 0));
    }

    /// <summary>Writes the classes into a model file, which carries the classes it was trained with.</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Grains);
        writer.Write(classes.Count);
        foreach (var (word, path) in Sorted())
        {
            writer.Write(word);
            foreach (var c in path)
            {
                writer.Write(c);
            }
        }
    }

    /// <summary>Reads what <see cref="Write(BinaryWriter)"/> wrote.</summary>
    public static WordClusters Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var grains = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (grains is < 0 or > MaxGrains || count < 0)
        {
            throw new InvalidDataException($"The model's word classes are damaged ({grains} grains, {count} words); train the model again with `newsroom train tagger`.");
        }

        var classes = new Dictionary<string, string[]>(count, StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var k = 0; k < count; k++)
        {
            var word = reader.ReadString();
            var path = new string[grains];
            for (var g = 0; g < grains; g++)
            {
                path[g] = Shared(names, reader.ReadString());
            }

            classes[word] = path;
        }

        return new WordClusters(classes, grains);
    }

    /// <summary>Writes the classes, words sorted so that the file diffs well.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false));
        foreach (var (word, path) in Sorted())
        {
            writer.Write(word);
            foreach (var c in path)
            {
                writer.Write('\t');
                writer.Write(c);
            }

            writer.Write('\n');
        }
    }

    /// <summary>Words in ordinal order, so that both formats come out the same every time.</summary>
    private IOrderedEnumerable<KeyValuePair<string, string[]>> Sorted() => classes.OrderBy(c => c.Key, StringComparer.Ordinal);

    /// <summary>One string per class name: a few thousand class names serve some hundred thousand words.</summary>
    private static string Shared(Dictionary<string, string> names, string name) =>
        names.TryGetValue(name, out var shared) ? shared : names[name] = name;
}
