namespace Newsroom.Extraction.Tagging;

/// <summary>The tagger's tags: IOB2 over CoNLL's four types, so its output can be scored with the usual tools.</summary>
public static class EntityTags
{
    public const string Outside = "O";

    public static readonly IReadOnlyList<string> Types = ["PER", "ORG", "LOC", "MISC"];

    public static IReadOnlyList<string> All { get; } =
        [Outside, .. Types.SelectMany(t => new[] { "B-" + t, "I-" + t })];

    /// <summary>
    /// For each pair of tags, whether the second may follow the first (<see cref="CanFollow"/>), as
    /// [previous, tag]; the row at <c>labels.Length</c> is the sentence start. Worked out once per tag
    /// set, so decoding compares no strings.
    /// </summary>
    public static bool[,] Transitions(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var allowed = new bool[labels.Count + 1, labels.Count];
        for (var y = 0; y < labels.Count; y++)
        {
            for (var p = 0; p < labels.Count; p++)
            {
                allowed[p, y] = CanFollow(labels[p], labels[y]);
            }

            allowed[labels.Count, y] = CanFollow(Outside, labels[y]);
        }

        return allowed;
    }

    /// <summary>Tags <paramref name="tags"/> from <paramref name="start"/> up to <paramref name="end"/> as one name of the type.</summary>
    public static void Name(string[] tags, int start, int end, string type)
    {
        ArgumentNullException.ThrowIfNull(tags);
        for (var i = start; i < end; i++)
        {
            tags[i] = (i == start ? "B-" : "I-") + type;
        }
    }

    /// <summary>A name that ran on at <paramref name="index"/> starts there instead, once what came before it is no part of it.</summary>
    public static void StartNameAt(string[] tags, int index)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (index < tags.Length && tags[index].StartsWith("I-", StringComparison.Ordinal))
        {
            tags[index] = "B-" + tags[index][2..];
        }
    }

    /// <summary>An I- tag continues a name of its own type; anywhere else it would open a name without a beginning.</summary>
    public static bool CanFollow(string previous, string tag) =>
        !tag.StartsWith("I-", StringComparison.Ordinal) || (previous.Length > 2 && previous.AsSpan(2).SequenceEqual(tag.AsSpan(2)));
}
