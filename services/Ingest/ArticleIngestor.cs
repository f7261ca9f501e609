using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Ingest;

/// <summary>
/// Takes one item through ingest: validate and clean, give it its id, then store it with its
/// <see cref="ArticleIngested"/> in the outbox (or find what it duplicates); rejected items publish
/// <see cref="ArticleRejected"/>. The <see cref="OutboxDispatcher"/> publishes stored events; a
/// submission waits a bounded time for its own event's confirmation, so that "accepted" normally
/// means published and a fast client cannot outrun the broker. An accepted article is never lost:
/// it is stored before it is answered. A re-submission of an article whose event was never
/// confirmed is answered "accepted" once that event goes out, never "duplicate". Each item gets a
/// span of its own, under the submission's when there is one, which its event's trace continues.
/// </summary>
public sealed partial class ArticleIngestor(
    IngestStore store,
    ArticleCleaner cleaner,
    OutboxSignal outbox,
    IPublishEndpoint publisher,
    IOptions<OutboxOptions> outboxOptions,
    PipelineMetrics metrics,
    TimeProvider time,
    ILogger<ArticleIngestor> logger) : IArticleSink
{
    public async Task<IngestResult> SubmitAsync(RawArticle article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        using var activity = NewsroomTelemetry.Source.StartActivity("ingest article");
        var result = await IngestAsync(article, activity, cancellationToken).ConfigureAwait(false);
        activity?.SetTag(NewsroomTelemetry.ArticleIdTag, result.ArticleId);
        activity?.SetTag("newsroom.ingest.outcome", OutcomeName(result.Outcome));
        if (result.Outcome != IngestOutcome.Rejected)
        {
            // RejectAsync counts rejections, which sources also report to it directly.
            metrics.Submitted(OutcomeName(result.Outcome));
        }
        return result;
    }

    private async Task<IngestResult> IngestAsync(RawArticle article, Activity? activity, CancellationToken cancellationToken)
    {
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

        var stored = store.TryAdd(cleaned, article.ClientRef, activity?.Id);
        if (!stored.EventPending)
        {
            LogDuplicate(logger, article.ClientRef, stored.ArticleId, stored.DuplicateReason);
            return new IngestResult(article.ClientRef, IngestOutcome.Duplicate, stored.ArticleId, stored.DuplicateReason);
        }

        outbox.Wake();
        if (!await outbox.WaitUntilConfirmedAsync(stored.ArticleId, outboxOptions.Value.ConfirmWait, cancellationToken).ConfigureAwait(false))
        {
            LogNotYetConfirmed(logger, article.ClientRef, stored.ArticleId);
        }
        if (stored.Added)
        {
            metrics.StageCompleted(PipelineStage.Ingested, cleaned.IngestedAt);
            LogAccepted(logger, article.ClientRef, stored.ArticleId, cleaned.Title);
        }
        else
        {
            LogResubmittedUnconfirmed(logger, article.ClientRef, stored.ArticleId, stored.DuplicateReason);
        }
        return new IngestResult(article.ClientRef, IngestOutcome.Accepted, stored.ArticleId, "");
    }

    public async Task<IngestResult> RejectAsync(string clientRef, string? url, string reason, CancellationToken cancellationToken)
    {
        LogRejected(logger, clientRef, reason);
        metrics.Submitted(OutcomeName(IngestOutcome.Rejected));
        try
        {
            // Bounded, so that an unreachable broker cannot hold up a source or a batch behind one bad item.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(outboxOptions.Value.PublishTimeout);
            await publisher.Publish(new ArticleRejected(clientRef, url, reason, time.GetUtcNow()), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The rejection is already logged and answered; a lost notice must not turn it into a failure.
            LogRejectionNotPublished(logger, clientRef, e);
        }
        return IngestResult.Rejected(clientRef, reason);
    }

    private static string OutcomeName(IngestOutcome outcome) => outcome switch
    {
        IngestOutcome.Accepted => "accepted",
        IngestOutcome.Duplicate => "duplicate",
        _ => "rejected",
    };

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

    [LoggerMessage(Level = LogLevel.Information, Message = "{ClientRef} duplicates {ArticleId} ({Reason}), whose event had not been confirmed; it is published now")]
    private static partial void LogResubmittedUnconfirmed(ILogger logger, string clientRef, string articleId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ClientRef} is stored as {ArticleId}, but the broker has not confirmed its event yet; the outbox keeps publishing it until it does")]
    private static partial void LogNotYetConfirmed(ILogger logger, string clientRef, string articleId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {ClientRef}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string clientRef, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the rejection of {ClientRef}")]
    private static partial void LogRejectionNotPublished(ILogger logger, string clientRef, Exception exception);
}
