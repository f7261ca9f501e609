using Newsroom.Contracts.Events;

namespace Newsroom.Dedup;

/// <summary>
/// A story decision, the placements of the members that a merge of stories it brought about moved into its story (each
/// published as an update of its own, after the article's), and the commit that makes them durable: publish only once that is done.
/// </summary>
public sealed record PendingStoryUpdate(StoryUpdated Update, IReadOnlyList<StoryUpdated> Moved, Task Committed);
