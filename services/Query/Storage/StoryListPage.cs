using Newsroom.Contracts.V1;

namespace Newsroom.Query;

/// <summary>One page of stories, most recently updated first.</summary>
public sealed record StoryListPage(IReadOnlyList<StorySummary> Stories, bool HasMore);
