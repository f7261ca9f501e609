namespace Newsroom.Extraction;

/// <summary>A word that must follow an action word's head, one of <see cref="Alternatives"/>; with <see cref="MayFollowOthers"/> up to four other words may come first.</summary>
internal sealed record FollowingWord(IReadOnlySet<string> Alternatives, bool MayFollowOthers)
{
    public const int MaxSkippedWords = 4;

    public static FollowingWord Parse(string pattern) =>
        new(pattern.TrimStart('~').Split('|').ToHashSet(StringComparer.Ordinal), pattern.StartsWith('~'));
}
