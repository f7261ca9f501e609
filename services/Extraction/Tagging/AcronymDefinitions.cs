namespace Newsroom.Extraction.Tagging;

/// <summary>
/// A name followed by its acronym in brackets ("the Popular Mobilisation Forces (PMF)") says where the
/// name starts and ends: its capitalised words spell the acronym. Where the tagger found part of such a
/// name, the tags are widened or narrowed to the words the acronym spells, and an acronym the tagger
/// missed gets the name's type. Types are left as the tagger chose them.
/// </summary>
internal static class AcronymDefinitions
{
    /// <summary>Names longer than this are not spelled by an acronym in news.</summary>
    private const int MaxNameTokens = 10;

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "to", "and", "in", "on", "the", "de", "&" };

    /// <summary>Corrects <paramref name="tags"/> (IOB2) of one sentence in place.</summary>
    public static void Apply(IReadOnlyList<string> tokens, string[] tags)
    {
        for (var open = 1; open + 2 < tokens.Count; open++)
        {
            if (tokens[open] != "(" || tokens[open + 2] != ")" || !IsAcronym(tokens[open + 1]))
            {
                continue;
            }

            var start = NameStart(tokens, open, tokens[open + 1]);
            if (start < 0 || TypeWithin(tags, start, open) is not { } type)
            {
                continue;
            }

            // Words the tagger ran into the name before it are not part of it ("Iraqi Kurdistan Regional Government (KRG)").
            var runIn = start;
            while (runIn > 0 && tags[runIn].StartsWith("I-", StringComparison.Ordinal))
            {
                runIn--;
            }

            Array.Fill(tags, EntityTags.Outside, runIn, start - runIn);

            EntityTags.Name(tags, start, open, type);

            tags[open] = EntityTags.Outside;
            tags[open + 1] = tags[open + 1] == EntityTags.Outside ? "B-" + type : "B-" + tags[open + 1][2..];
            if (tags[open + 2].StartsWith("I-", StringComparison.Ordinal))
            {
                tags[open + 2] = EntityTags.Outside;
            }
        }
    }

    private static bool IsAcronym(string token) =>
        token.Length is >= 2 and <= 8 && token.All(char.IsUpper);

    /// <summary>Where the name whose capitalised words spell <paramref name="acronym"/> starts, ending just before <paramref name="end"/>; -1 for none.</summary>
    private static int NameStart(IReadOnlyList<string> tokens, int end, string acronym)
    {
        var letters = acronym.Length;
        for (var start = end - 1; start >= 0 && start >= end - MaxNameTokens; start--)
        {
            var token = tokens[start];
            if (Connectors.Contains(token))
            {
                continue;
            }

            if (token.Length == 0 || !char.IsUpper(token[0]))
            {
                return -1;
            }

            letters--;
            if (letters < 0 || char.ToUpperInvariant(token[0]) != acronym[letters])
            {
                return -1;
            }

            if (letters == 0)
            {
                return start;
            }
        }

        return -1;
    }

    /// <summary>The type the tagger gave most of the words in [start, end), or null when it found no name there.</summary>
    private static string? TypeWithin(string[] tags, int start, int end) =>
        tags.Skip(start).Take(end - start)
            .Where(tag => tag != EntityTags.Outside)
            .GroupBy(tag => tag[2..])
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();
}
