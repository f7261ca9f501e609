using Newsroom.Contracts.Events;

namespace Newsroom.Ingest;

/// <summary>
/// An event waiting in ingest's outbox, in the order it was stored, with how often publishing it
/// has failed and the span (W3C traceparent) of the submission that stored it, if traced.
/// </summary>
public sealed record OutboxMessage(long Sequence, ArticleIngested Event, int Attempts, string? TraceParent);
