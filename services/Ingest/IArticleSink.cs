namespace Newsroom.Ingest;

/// <summary>Where a source hands its items: validated, cleaned, stored and published.</summary>
public interface IArticleSink
{
    Task<IngestResult> SubmitAsync(RawArticle article, CancellationToken cancellationToken);

    /// <summary>Reports an item the source could not even read (a bad file, a bad line), so it is logged and published as rejected.</summary>
    Task<IngestResult> RejectAsync(string clientRef, string? url, string reason, CancellationToken cancellationToken);
}
