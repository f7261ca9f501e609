namespace Newsroom.Extraction.Tagging;

/// <summary>
/// A name of several words that the gazetteer knows as one kind of thing is one name. GMB's silver tags split
/// "Sri Lanka" at a sentence start into a person and a nationality seven times, and the tagger learnt it: "Sri Lanka
/// beat India" gave the person "Sri". Where the tagger reads every word of such a name as part of a name but starts
/// a new one inside it, the name is read whole, as what the gazetteer says it is. A name the gazetteer gives two
/// kinds ("Washington" is a place and a person) is left to the tagger, and so is one it reads partly as no name or
/// as part of a longer one ("Sri Lanka Insurance", "San Jose Sharks").
/// </summary>
internal static class WholeNames
{
    /// <summary>Corrects <paramref name="tags"/> (IOB2) of one sentence in place; <paramref name="matches"/> are its <see cref="TokenFeatures.GazetteerMatches"/>.</summary>
    public static void Apply((GazetteerTypes Types, int Length)[] matches, string[] tags)
    {
        for (var start = 0; start < matches.Length; start++)
        {
            var (types, length) = matches[start];
            if (length < 2 || TypeOf(types) is not { } type)
            {
                continue;
            }

            var end = start + length;
            if (IsSplit(tags, start, end))
            {
                EntityTags.Name(tags, start, end, type);
                start = end - 1;
            }
        }
    }

    /// <summary>Whether the tagger read the words from <paramref name="start"/> to <paramref name="end"/> as two names or more, and as nothing else.</summary>
    private static bool IsSplit(string[] tags, int start, int end) =>
        tags[start].StartsWith("B-", StringComparison.Ordinal)
        && (end == tags.Length || !tags[end].StartsWith("I-", StringComparison.Ordinal))
        && tags.Skip(start + 1).Take(end - start - 1).All(t => t != EntityTags.Outside)
        && tags.Skip(start + 1).Take(end - start - 1).Any(t => t.StartsWith("B-", StringComparison.Ordinal));

    /// <summary>The one entity type the gazetteer's kinds of a name mean, or null when they mean several.</summary>
    private static string? TypeOf(GazetteerTypes types) => (types & ~GazetteerTypes.FirstName) switch
    {
        GazetteerTypes.Location or (GazetteerTypes.Location | GazetteerTypes.Country) => "LOC",
        GazetteerTypes.Organisation => "ORG",
        GazetteerTypes.Person => "PER",
        GazetteerTypes.Nationality => "MISC",
        _ => null,
    };
}
