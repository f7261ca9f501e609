namespace Newsroom.Contracts.Events;

/// <summary>The query service made an article searchable as part of a story version.</summary>
public sealed record ArticleIndexed(string ArticleId, string StoryId, long StoryVersion, DateTimeOffset IndexedAt);
