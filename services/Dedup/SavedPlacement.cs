namespace Newsroom.Dedup;

/// <summary>
/// What saving a <see cref="PlacedArticle"/> changed: the story's new version, the article's number in the order of
/// joins (the story's activity), and the entities and terms that entered or left the story's profile.
/// </summary>
internal sealed record SavedPlacement(
    long Version,
    long Active,
    IReadOnlyList<string> EntitiesAdded,
    IReadOnlyList<string> EntitiesDropped,
    IReadOnlyList<string> TermsAdded,
    IReadOnlyList<string> TermsDropped);
