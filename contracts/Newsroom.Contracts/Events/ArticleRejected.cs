namespace Newsroom.Contracts.Events;

/// <summary>Ingest refused an item; the reason says what was wrong and what to do about it.</summary>
public sealed record ArticleRejected(string ClientRef, string? Url, string Reason, DateTimeOffset RejectedAt);
