using System.Diagnostics;
using MassTransit;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Extraction;

/// <summary>
/// Extracts each ingested article and publishes the result. Idempotent: extraction is a pure function
/// of the article, so a redelivered message publishes the same ArticleExtracted again, which dedup keys by article id.
/// </summary>
public sealed partial class ArticleIngestedConsumer(ArticleExtractor extractor, PipelineMetrics metrics, TimeProvider time, ILogger<ArticleIngestedConsumer> logger)
    : IConsumer<ArticleIngested>
{
    public async Task Consume(ConsumeContext<ArticleIngested> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var article = context.Message;
        Activity.Current?.SetTag(NewsroomTelemetry.ArticleIdTag, article.ArticleId);
        if (string.IsNullOrWhiteSpace(article.ArticleId) || article.Text is null)
        {
            throw new InvalidMessageException("ArticleIngested without an article id or text cannot be extracted; re-ingest the article.");
        }

        var extracted = extractor.Extract(article, time.GetUtcNow());
        var lead = extracted.LeadEvent;
        LogExtracted(
            article.ArticleId,
            extracted.Entities.Count,
            extracted.Dates.Count,
            lead is null ? "none" : $"{lead.ActorText} {lead.Action} {lead.TargetText} {lead.Date}");
        await context.Publish(extracted, context.CancellationToken).ConfigureAwait(false);
        metrics.StageCompleted(PipelineStage.Extracted, article.IngestedAt);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Extracted article {ArticleId}: {EntityCount} entities, {DateCount} dates, lead event {LeadEvent}")]
    private partial void LogExtracted(string articleId, int entityCount, int dateCount, string leadEvent);
}
