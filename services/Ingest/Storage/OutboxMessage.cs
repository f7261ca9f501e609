using Newsroom.Contracts.Events;

namespace Newsroom.Ingest;

/// <summary>An event waiting in ingest's outbox, in the order it was stored, with how often publishing it has failed.</summary>
public sealed record OutboxMessage(long Sequence, ArticleIngested Event, int Attempts);
