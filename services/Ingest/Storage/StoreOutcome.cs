namespace Newsroom.Ingest;

/// <summary>Whether <see cref="IngestStore.TryAdd"/> stored the article, or which stored one it duplicates and why.</summary>
/// <param name="EventPending">
/// True when the stored article's <c>ArticleIngested</c> is still in the outbox, not yet confirmed by the broker:
/// always for a new article, and for a duplicate whose original was stored but never published (a crash, an outage).
/// </param>
public sealed record StoreOutcome(bool Added, string ArticleId, string DuplicateReason, bool EventPending);
