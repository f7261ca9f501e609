using MassTransit;
using Microsoft.Extensions.Logging;
using Newsroom.Contracts.Events;

namespace Newsroom.Ingest;

/// <summary>
/// Takes one item through ingest: validate and clean, give it its id, store it (or find what it
/// duplicates), then publish <see cref="ArticleIngested"/>; rejected items publish
/// <see cref="ArticleRejected"/>. Publication follows storage, and a failed publication removes
/// the row again, so that a retry is not mistaken for a duplicate.
/// </summary>
public sealed partial class ArticleIngestor(
    IngestStore store,
    ArticleCleaner cleaner,
    IPublishEndpoint publisher,
    TimeProvider time,
    ILogger<ArticleIngestor> logger) : IArticleSink
{
    public async Task<IngestResult> SubmitAsync(RawArticle article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArticleIngested cleaned;
        try
        {
            cleaned = Clean(article, cancellationToken);
        }
        catch (ArticleRejectedException e)
        {
            var reason = article.Origin is { } origin ? $"{origin}: {e.Reason}" : e.Reason;
            return await RejectAsync(article.ClientRef, article.Url, reason, cancellationToken).ConfigureAwait(false);
        }

        var stored = store.TryAdd(cleaned, article.ClientRef);
        if (!stored.Added)
        {
            LogDuplicate(logger, article.ClientRef, stored.ArticleId, stored.DuplicateReason);
            return new IngestResult(article.ClientRef, IngestOutcome.Duplicate, stored.ArticleId, stored.DuplicateReason);
        }

        try
        {
            await publisher.Publish(cleaned, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            store.Remove(cleaned.ArticleId);
            throw;
        }
        LogAccepted(logger, article.ClientRef, cleaned.ArticleId, cleaned.Title);
        return new IngestResult(article.ClientRef, IngestOutcome.Accepted, cleaned.ArticleId, "");
    }

    public async Task<IngestResult> RejectAsync(string clientRef, string? url, string reason, CancellationToken cancellationToken)
    {
        LogRejected(logger, clientRef, reason);
        try
        {
            await publisher.Publish(new ArticleRejected(clientRef, url, reason, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The rejection is already logged and answered; a lost notice must not turn it into a failure.
            LogRejectionNotPublished(logger, clientRef, e);
        }
        return IngestResult.Rejected(clientRef, reason);
    }

    private ArticleIngested Clean(RawArticle article, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (article.Url is { Length: > 0 } url)
        {
            return cleaner.Clean(article, ArticleIdentity.FromUrl(url), now, cancellationToken);
        }
        var cleaned = cleaner.Clean(article, "", now, cancellationToken);
        return cleaned with { ArticleId = ArticleIdentity.FromContentHash(cleaned.ContentHash) };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepted {ClientRef} as {ArticleId}: {Title}")]
    private static partial void LogAccepted(ILogger logger, string clientRef, string articleId, string title);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ClientRef} duplicates {ArticleId} ({Reason}); nothing published")]
    private static partial void LogDuplicate(ILogger logger, string clientRef, string articleId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {ClientRef}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string clientRef, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the rejection of {ClientRef}")]
    private static partial void LogRejectionNotPublished(ILogger logger, string clientRef, Exception exception);
}
