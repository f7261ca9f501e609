namespace Newsroom.Ingest;

/// <summary>
/// A kind of source (watched folder, feed, JSON Lines file). One instance serves every configured
/// source of its <see cref="Type"/>; <see cref="RunAsync"/> runs one of them until it is done or cancelled.
/// Register a new kind with <c>builder.AddArticleSource&lt;MySource&gt;()</c>.
/// </summary>
public interface IArticleSource
{
    /// <summary>The <c>Type</c> value in <c>Ingest:Sources</c> that selects this source, for example "feed".</summary>
    string Type { get; }

    Task RunAsync(SourceSettings settings, IArticleSink sink, CancellationToken cancellationToken);
}
