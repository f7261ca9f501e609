using Newsroom.Contracts.V1;

namespace Newsroom.Query;

/// <summary>One page of search hits, best first, and how many stories matched in all.</summary>
public sealed record StorySearchPage(IReadOnlyList<StoryHit> Hits, int TotalSize);
