using System.Diagnostics;
using MassTransit;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup;

/// <summary>Places each extracted article in a story, in ingest's order, and publishes the story's update.</summary>
public sealed partial class ArticleExtractedConsumer(
    StoryClusterer clusterer, ArticleResequencer resequencer, PipelineMetrics metrics, TimeProvider time, ILogger<ArticleExtractedConsumer> logger)
    : IConsumer<ArticleExtracted>
{
    public async Task Consume(ConsumeContext<ArticleExtracted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Activity.Current?.SetTag(NewsroomTelemetry.ArticleIdTag, context.Message.Article?.ArticleId);
        var sequence = context.Message.Article?.Sequence ?? 0;
        await resequencer.EnterAsync(sequence, context.CancellationToken).ConfigureAwait(false);
        StoryUpdated updated;
        try
        {
            updated = clusterer.Assign(context.Message, time.GetUtcNow());
        }
        catch (InvalidMessageException)
        {
            // Parked at once, never retried; any other failure keeps the turn for its retry.
            resequencer.Leave(sequence);
            throw;
        }
        resequencer.Leave(sequence);
        LogDecision(updated.Article.Article.ArticleId, updated.StoryId, updated.Version, updated.JoinKind, updated.Score);
        await context.Publish(updated, context.CancellationToken).ConfigureAwait(false);
        metrics.Decided(updated.JoinKind);
        metrics.StageCompleted(PipelineStage.Clustered, updated.Article.Article.IngestedAt);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {ArticleId} -> story {StoryId} v{Version}: {JoinKind}, score {Score}")]
    private partial void LogDecision(string articleId, string storyId, long version, Contracts.V1.JoinReason.Types.Kind joinKind, double score);
}
