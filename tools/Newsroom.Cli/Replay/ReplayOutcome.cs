using Newsroom.Contracts.Events;

namespace Newsroom.Cli.Replay;

/// <summary>
/// What replay made of one input: its story (and why it joined) and extraction, or the error that stopped it; and the
/// earlier articles that moved into its story when it merged theirs (<see cref="StoryUpdated.StoryId"/> is their story now).
/// </summary>
internal sealed record ReplayOutcome(string Id, StoryUpdated? Placement, ArticleExtracted? Extracted, string? Error, IReadOnlyList<StoryUpdated> Moved)
{
    public string? StoryId => Placement?.StoryId;
}
