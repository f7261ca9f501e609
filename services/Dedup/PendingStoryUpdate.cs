using Newsroom.Contracts.Events;

namespace Newsroom.Dedup;

/// <summary>A story decision, and the commit that makes it durable: publish the update only once that is done.</summary>
public sealed record PendingStoryUpdate(StoryUpdated Update, Task Committed);
