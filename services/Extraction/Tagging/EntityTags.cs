namespace Newsroom.Extraction.Tagging;

/// <summary>The tagger's tags: IOB2 over CoNLL's four types, so its output can be scored with the usual tools.</summary>
public static class EntityTags
{
    public const string Outside = "O";

    public static readonly IReadOnlyList<string> Types = ["PER", "ORG", "LOC", "MISC"];

    public static IReadOnlyList<string> All { get; } =
        [Outside, .. Types.SelectMany(t => new[] { "B-" + t, "I-" + t })];

    /// <summary>An I- tag continues a name of its own type; anywhere else it would open a name without a beginning.</summary>
    public static bool CanFollow(string previous, string tag) =>
        !tag.StartsWith("I-", StringComparison.Ordinal) || (previous.Length > 2 && previous.AsSpan(2).SequenceEqual(tag.AsSpan(2)));
}
