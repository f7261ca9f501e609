namespace Newsroom.Extraction.Tagging;

/// <summary>
/// What the tagger called each capitalised word earlier in the same document (Ratinov and Roth 2009):
/// a story names "Kataib Hezbollah" in full before it writes "Hezbollah" in a short sentence, so the
/// earlier, surer decision informs the later one. Fed with the tagger's own choices, in training too.
/// </summary>
internal sealed class PredictionHistory
{
    private readonly Dictionary<string, int[]> counts = new(StringComparer.Ordinal);

    /// <summary>The feature for a word: the type it was tagged most often so far, or none when the document has not had it.</summary>
    public ulong? FeatureOf(string token, string lowerWord)
    {
        if (!counts.TryGetValue(lowerWord, out var seen))
        {
            return null;
        }

        var best = 0;
        for (var k = 1; k < seen.Length; k++)
        {
            if (seen[k] > seen[best])
            {
                best = k;
            }
        }

        var type = best == 0 ? EntityTags.Outside : EntityTags.Types[best - 1];
        return FeatureHash.Of("ph", type, token.Length > 0 && char.IsUpper(token[0]) ? "X" : "x");
    }

    /// <param name="words">The tokens <see cref="TokenFeatures.Normalised"/>.</param>
    public void Record(IReadOnlyList<string> tokens, IReadOnlyList<string> words, IReadOnlyList<string> tags)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Length == 0 || !char.IsUpper(token[0]))
            {
                continue;
            }

            var lower = words[i];
            if (!counts.TryGetValue(lower, out var seen))
            {
                seen = new int[EntityTags.Types.Count + 1];
                counts[lower] = seen;
            }

            var tag = tags[i];
            seen[tag == EntityTags.Outside ? 0 : 1 + IndexOfType(tag.AsSpan(2))]++;
        }
    }

    private static int IndexOfType(ReadOnlySpan<char> type)
    {
        for (var k = 0; k < EntityTags.Types.Count; k++)
        {
            if (type.SequenceEqual(EntityTags.Types[k]))
            {
                return k;
            }
        }

        return 0;
    }
}
