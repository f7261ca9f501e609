namespace Newsroom.Ingest;

/// <summary>Whether <see cref="IngestStore.TryAdd"/> stored the article, or which stored one it duplicates and why.</summary>
public sealed record StoreOutcome(bool Added, string ArticleId, string DuplicateReason);
