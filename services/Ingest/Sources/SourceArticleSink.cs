namespace Newsroom.Ingest;

/// <summary>Hands a configured source's items to ingest, each marked as submitted by that source ("folder:wire-drop").</summary>
internal sealed class SourceArticleSink(IArticleSink ingest, string sourceName) : IArticleSink
{
    public Task<IngestResult> SubmitAsync(RawArticle article, CancellationToken cancellationToken) =>
        ingest.SubmitAsync(article with { SubmittedBy = article.SubmittedBy ?? sourceName }, cancellationToken);

    public Task<IngestResult> RejectAsync(string clientRef, string? url, string reason, CancellationToken cancellationToken) =>
        ingest.RejectAsync(clientRef, url, reason, cancellationToken);
}
