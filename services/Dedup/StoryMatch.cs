using Newsroom.Contracts.Events;

namespace Newsroom.Dedup;

/// <summary>How well an article fits one candidate story; a veto names the reason the two are different events.</summary>
internal sealed record StoryMatch(string StoryId, double Score, IReadOnlyList<StoryMatchFeature> Features, string? Veto);
