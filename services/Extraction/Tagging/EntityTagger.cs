using System.IO.Compression;
using System.Text;

namespace Newsroom.Extraction.Tagging;

/// <summary>
/// A named-entity tagger: a linear model over <see cref="TokenFeatures"/> and pairs of neighbouring
/// tags, decoded a sentence at a time with Viterbi (<see cref="TagLattice"/>), trained as an averaged
/// structured perceptron by `newsroom train tagger`. Reads a whole document at once, because how a word
/// is cased elsewhere in the document is what tells a name in a headline from an ordinary word.
/// Thread-safe.
/// </summary>
public sealed class EntityTagger
{
    internal const string Magic = "newsroom-entity-tagger/5";

    private readonly string[] labels;
    private readonly bool[,] transitions;
    private readonly FrozenWeights emission;
    private readonly FrozenWeights pairs;

    internal EntityTagger(string domain, string[] labels, FrozenWeights emission, FrozenWeights pairs, Gazetteer gazetteer, WordClusters clusters)
    {
        Domain = domain;
        this.labels = labels;
        transitions = EntityTags.Transitions(labels);
        this.emission = emission;
        this.pairs = pairs;
        Gazetteer = gazetteer;
        Clusters = clusters;
    }

    public Gazetteer Gazetteer { get; }

    /// <summary>The word classes the tagger was trained with; the model file carries them.</summary>
    public WordClusters Clusters { get; }

    /// <summary>The training domain whose conventions tagging follows.</summary>
    public string Domain { get; }

    public int FeatureCount => emission.Count + pairs.Count;

    /// <summary>Tags each token of a document given as sentences of tokens, which it takes as they are.</summary>
    public string[][] Tag(IReadOnlyList<IReadOnlyList<string>> sentences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var words = TokenFeatures.NormalisedWords(sentences);
        var modes = TokenFeatures.Modes(sentences);
        var matches = TokenFeatures.GazetteerMatches(words, Gazetteer);
        var features = TokenFeatures.OfDocument(sentences, words, modes, matches, Gazetteer, Clusters);
        var tags = new string[sentences.Count][];
        var history = new PredictionHistory();
        var lattice = new TagLattice(transitions, 0);
        foreach (var s in TokenFeatures.TaggingOrder(modes))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tokens = sentences[s];
            lattice.Reset(tokens.Count);
            for (var i = 0; i < tokens.Count; i++)
            {
                foreach (var feature in features[s][i])
                {
                    emission.AddTo(feature, lattice.Emission(i));
                }

                if (history.FeatureOf(tokens[i], words[s][i]) is { } earlier)
                {
                    emission.AddTo(earlier, lattice.Emission(i));
                }

                pairs.AddTo(TokenFeatures.PairBias, lattice.Transition(i));
                pairs.AddTo(TokenFeatures.OfPair(words[s][i]), lattice.Transition(i));
            }

            tags[s] = [.. lattice.Best().Select(k => labels[k])];
            WholeNames.Apply(matches[s], tags[s]);
            NameHeads.Apply(words[s], tags[s], Gazetteer);
            DesignatedNames.Apply(tokens, words[s], tags[s], Gazetteer);
            NameSeparators.Apply(tokens, tags[s]);
            AcronymDefinitions.Apply(tokens, tags[s]);
            DatelinePlaces.Apply(tokens, tags[s]);
            SectionSlugs.Apply(tokens, tags[s]);
            history.Record(tokens, words[s], tags[s]);
        }

        DesignatedNames.ApplyToDocument(sentences, tags);
        return tags;
    }

    /// <summary>
    /// One tagger whose weights are the mean of <paramref name="taggers"/>' (parameter mixing, McDonald et
    /// al. 2010): perceptrons trained on different orders of the same data err in different places, and their
    /// mean generalises better than any one. All must share labels, domain, gazetteer and word classes.
    /// </summary>
    public static EntityTagger Mean(IReadOnlyList<EntityTagger> taggers)
    {
        ArgumentOutOfRangeException.ThrowIfZero(taggers.Count);
        var first = taggers[0];
        if (taggers.Any(t => t.Domain != first.Domain || !t.labels.SequenceEqual(first.labels) || t.Gazetteer != first.Gazetteer || t.Clusters != first.Clusters))
        {
            throw new ArgumentException("Only taggers trained with the same labels, domain, gazetteer and word classes can be mixed.", nameof(taggers));
        }

        return taggers.Count == 1
            ? first
            : new EntityTagger(first.Domain, first.labels, FrozenWeights.Mean([.. taggers.Select(t => t.emission)]), FrozenWeights.Mean([.. taggers.Select(t => t.pairs)]), first.Gazetteer, first.Clusters);
    }

    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(Domain);
        writer.Write(labels.Length);
        foreach (var label in labels)
        {
            writer.Write(label);
        }

        emission.Write(writer);
        pairs.Write(writer);
        Clusters.Write(writer);
    }

    public static EntityTagger Read(Stream stream, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(gazetteer);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        // Buffered: the reader asks for a few bytes at a time (a string's length, a weight), and each
        // such call on the inflater cost more than the bytes; unbuffered, loading took most of a short replay.
        using var buffered = new BufferedStream(gzip, 1 << 16);
        using var reader = new BinaryReader(buffered, Encoding.UTF8);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException($"This is not a {Magic} model; train one with `newsroom train tagger`.");
        }

        var domain = reader.ReadString();
        var labels = new string[reader.ReadInt32()];
        for (var k = 0; k < labels.Length; k++)
        {
            labels[k] = reader.ReadString();
        }

        var emission = FrozenWeights.Read(reader);
        var pairs = FrozenWeights.Read(reader);
        var clusters = WordClusters.Read(reader);
        return new EntityTagger(domain, labels, emission, pairs, gazetteer, clusters);
    }
}
