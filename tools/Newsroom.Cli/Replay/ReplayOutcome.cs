using Newsroom.Contracts.Events;

namespace Newsroom.Cli.Replay;

/// <summary>What replay made of one input: its story (and why it joined) and extraction, or the error that stopped it.</summary>
internal sealed record ReplayOutcome(string Id, StoryUpdated? Placement, ArticleExtracted? Extracted, string? Error)
{
    public string? StoryId => Placement?.StoryId;
}
