namespace Newsroom.Extraction.Tagging;

/// <summary>
/// A slash between names separates them ("Advanced Micro Devices / ATI Technologies", "Biel/Bienne"): read as
/// one name, two organisations became one entity that every mention of either answered to. A name that
/// runs across a slash is cut there into the names on each side, and the slash is no part of either.
/// </summary>
internal static class NameSeparators
{
    private const string Slash = "/";

    /// <summary>Corrects <paramref name="tags"/> (IOB2) of one sentence in place.</summary>
    public static void Apply(IReadOnlyList<string> tokens, string[] tags)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i] != Slash || !tags[i].StartsWith("I-", StringComparison.Ordinal))
            {
                continue;
            }

            tags[i] = EntityTags.Outside;
            EntityTags.StartNameAt(tags, i + 1);
        }
    }
}
