using Newsroom.Contracts.V1;

namespace Newsroom.Query;

/// <summary>One page of an entity's events, oldest first.</summary>
public sealed record EntityTimelinePage(EntityRef Entity, IReadOnlyList<TimelineEvent> Events, bool HasMore);
