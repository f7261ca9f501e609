using System.IO.Compression;
using System.Text;

namespace Newsroom.Extraction.Tagging;

/// <summary>
/// A named-entity tagger: a linear model over <see cref="TokenFeatures"/> and tag pairs, decoded a
/// sentence at a time with Viterbi (<see cref="TagLattice"/>), trained as an averaged structured
/// perceptron by `newsroom train tagger`. Reads a whole document at once, because how a word is cased
/// elsewhere in the document is what tells a name in a headline from an ordinary word. Thread-safe.
/// </summary>
public sealed class EntityTagger
{
    private const string Magic = "newsroom-entity-tagger/2";

    private readonly string[] labels;
    private readonly Dictionary<string, int> featureIds;
    private readonly float[] weights;

    internal EntityTagger(string domain, string[] labels, Dictionary<string, int> featureIds, float[] weights, Gazetteer gazetteer)
    {
        Domain = domain;
        this.labels = labels;
        this.featureIds = featureIds;
        this.weights = weights;
        Gazetteer = gazetteer;
    }

    public Gazetteer Gazetteer { get; }

    /// <summary>The training domain whose conventions tagging follows.</summary>
    public string Domain { get; }

    public int FeatureCount => featureIds.Count;

    /// <summary>Tags each token of a document given as sentences of tokens, which it takes as they are.</summary>
    public string[][] Tag(IReadOnlyList<IReadOnlyList<string>> sentences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var features = TokenFeatures.OfDocument(sentences, Gazetteer, Domain);
        var tags = new string[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tokens = sentences[s];
            var lattice = new TagLattice(labels, tokens.Count);
            for (var i = 0; i < tokens.Count; i++)
            {
                AddScores(features[s][i], lattice.Emission[i]);
                for (var p = i == 0 ? lattice.Start : 0; p < (i == 0 ? lattice.Start + 1 : lattice.Start); p++)
                {
                    var previous = p == lattice.Start ? TaggerHistory.None : labels[p];
                    AddScores(TokenFeatures.OfTransition(previous, tokens[i], Domain), lattice.Transition[i][p]);
                }
            }

            tags[s] = [.. lattice.Best().Select(k => labels[k])];
        }

        return tags;
    }

    private void AddScores(List<string> features, float[] scores)
    {
        foreach (var feature in features)
        {
            if (featureIds.TryGetValue(feature, out var id))
            {
                var row = weights.AsSpan(id * labels.Length, labels.Length);
                for (var k = 0; k < row.Length; k++)
                {
                    scores[k] += row[k];
                }
            }
        }
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

        writer.Write(featureIds.Count);
        foreach (var (feature, id) in featureIds.OrderBy(f => f.Value))
        {
            writer.Write(feature);
            for (var k = 0; k < labels.Length; k++)
            {
                writer.Write((Half)weights[(id * labels.Length) + k]);
            }
        }
    }

    public static EntityTagger Read(Stream stream, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(gazetteer);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip, Encoding.UTF8);
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

        var count = reader.ReadInt32();
        var featureIds = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var weights = new float[count * labels.Length];
        for (var id = 0; id < count; id++)
        {
            featureIds.Add(reader.ReadString(), id);
            for (var k = 0; k < labels.Length; k++)
            {
                weights[(id * labels.Length) + k] = (float)reader.ReadHalf();
            }
        }

        return new EntityTagger(domain, labels, featureIds, weights, gazetteer);
    }
}
