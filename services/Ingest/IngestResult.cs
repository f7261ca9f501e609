namespace Newsroom.Ingest;

/// <summary>What happened to one submitted item.</summary>
/// <param name="ArticleId">The new article's id, or for a duplicate the id it duplicates; empty when rejected.</param>
/// <param name="Reason">Why it was rejected, or what it duplicates ("same url", "same content"); empty when accepted.</param>
public sealed record IngestResult(string ClientRef, IngestOutcome Outcome, string ArticleId, string Reason)
{
    public static IngestResult Rejected(string clientRef, string reason) => new(clientRef, IngestOutcome.Rejected, "", reason);
}
