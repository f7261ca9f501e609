namespace Newsroom.Contracts.Events;

/// <summary>One feature behind a merge, for example ("canonical_entities", 0.8, "Kataib Hezbollah, Iraq").</summary>
public sealed record StoryMatchFeature(string Name, double Score, string Detail);
