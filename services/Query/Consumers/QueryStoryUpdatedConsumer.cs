using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

/// <summary>
/// Indexes a story change: makes the article searchable in its story (INDEXED),
/// publishes <see cref="ArticleIndexed"/> and tells live watchers (through <see cref="StoryChangeListener"/> when
/// replicas share the database). A redelivery republishes
/// <see cref="ArticleIndexed"/> (its consumers key on article and version) but tells watchers nothing.
/// </summary>
public sealed partial class QueryStoryUpdatedConsumer(
    QueryStore store,
    StoryUpdateBroadcaster broadcaster,
    PipelineMetrics metrics,
    TimeProvider time,
    ILogger<QueryStoryUpdatedConsumer> logger) : IConsumer<StoryUpdated>
{
    public async Task Consume(ConsumeContext<StoryUpdated> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var update = context.Message;
        if (Problem(update) is { } problem)
        {
            throw new InvalidMessageException($"StoryUpdated for story '{update.StoryId}' cannot be indexed: {problem}. Fix the publisher and replay the message.");
        }

        var articleId = update.Article.Article.ArticleId;
        Activity.Current?.SetTag(NewsroomTelemetry.ArticleIdTag, articleId);
        var indexedAt = time.GetUtcNow();
        var outcome = await store.IndexStoryAsync(update, indexedAt, context.CancellationToken).ConfigureAwait(false);
        if (outcome == StoryIndexOutcome.Superseded)
        {
            LogSuperseded(logger, articleId, update.StoryId, update.Version);
            return;
        }

        await context.Publish(new ArticleIndexed(articleId, update.StoryId, update.Version, indexedAt), context.CancellationToken).ConfigureAwait(false);
        LogIndexed(logger, articleId, update.StoryId, update.Version, outcome);
        metrics.StageCompleted(PipelineStage.Indexed, update.Article.Article.IngestedAt);
        // On a shared database every replica's listener tells its own watchers, this one's included. With no watcher,
        // the story's summary is not read: most updates of a backlog have no one to tell.
        if (!store.IsShared && broadcaster.WatcherCount > 0 && StoryChange.Of(outcome, update.StoryId, articleId) is { } change && store.GetStorySummary(update.StoryId) is { } story)
        {
            broadcaster.Publish(change.ToUpdate(story));
        }
    }

    private static string? Problem(StoryUpdated update) =>
        string.IsNullOrWhiteSpace(update.StoryId) ? "StoryId is empty"
        : update.Version < 1 ? $"Version {update.Version} is not positive"
        : string.IsNullOrWhiteSpace(update.Article?.Article?.ArticleId) ? "Article.Article.ArticleId is empty"
        : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed article {ArticleId} in story {StoryId} v{Version}: {Outcome}")]
    private static partial void LogIndexed(ILogger logger, string articleId, string storyId, long version, StoryIndexOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored placement of article {ArticleId} in story {StoryId} v{Version}: a later event already moved it to another story")]
    private static partial void LogSuperseded(ILogger logger, string articleId, string storyId, long version);
}
