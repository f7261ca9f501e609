using Newsroom.Contracts.V1;

namespace Newsroom.Query;

/// <param name="Summary">The story after indexing; null when the event was <see cref="StoryIndexOutcome.Superseded"/>.</param>
public sealed record StoryIndexResult(StoryIndexOutcome Outcome, StorySummary? Summary);
