using Newsroom.Contracts.Events;

namespace Newsroom.Cli.Replay;

/// <summary>What replay made of one input: its story and extraction, or the error that stopped it.</summary>
internal sealed record ReplayOutcome(string Id, string? StoryId, ArticleExtracted? Extracted, string? Error);
