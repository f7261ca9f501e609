using Newsroom.Contracts.V1;

namespace Newsroom.Query;

/// <summary>
/// One page of search hits, best first, and how many stories matched in all; when <paramref name="Capped"/>, more matched
/// than were ranked, and <paramref name="TotalSize"/> counts those ranked.
/// </summary>
public sealed record StorySearchPage(IReadOnlyList<StoryHit> Hits, int TotalSize, bool Capped);
