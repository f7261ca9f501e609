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
    /// <summary>
    /// Decisions recorded before a commit is due however many articles wait: more saves little once the commit
    /// is shared, while every one of them waits for it, and is decided again should it fail.
    /// </summary>
    public const int MaxUncommittedDecisions = 64;

    /// <summary>How long a decision waits for its group's commit before committing the group itself.</summary>
    private static readonly TimeSpan CommitWait = TimeSpan.FromSeconds(1);

    public async Task Consume(ConsumeContext<ArticleExtracted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Activity.Current?.SetTag(NewsroomTelemetry.ArticleIdTag, context.Message.Article?.ArticleId);
        var sequence = context.Message.Article?.Sequence ?? 0;
        // A decision runs synchronously; without yielding first, the transport would hand over the next message
        // only after it, so no article would ever wait in line to share its commit.
        await Task.Yield();
        if (!await resequencer.EnterAsync(sequence, context.CancellationToken).ConfigureAwait(false))
        {
            // Forwarded with its headers and id; should this process stop before the original is acknowledged,
            // the copy is decided once and the original is a redelivery like any other.
            await context.Forward(context.ReceiveContext.InputAddress).ConfigureAwait(false);
            return;
        }
        PendingStoryUpdate pending;
        try
        {
            pending = clusterer.Decide(context.Message, time.GetUtcNow());
        }
        catch (InvalidMessageException)
        {
            // Parked at once, never retried; any other failure keeps the turn for its retry.
            EndTurn(sequence);
            throw;
        }
        EndTurn(sequence);
        try
        {
            await WhenCommittedAsync(pending.Committed, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!context.CancellationToken.IsCancellationRequested)
        {
            resequencer.Rewind(sequence);
            throw;
        }
        var updated = pending.Update;
        LogDecision(updated.Article.Article.ArticleId, updated.StoryId, updated.Version, updated.JoinKind, updated.Score);
        await context.Publish(updated, context.CancellationToken).ConfigureAwait(false);
        foreach (var moved in pending.Moved)
        {
            LogMove(moved.Article.Article.ArticleId, moved.StoryId, moved.Version, updated.Article.Article.ArticleId);
            await context.Publish(moved, context.CancellationToken).ConfigureAwait(false);
        }
        metrics.Decided(updated.JoinKind);
        metrics.StageCompleted(PipelineStage.Clustered, updated.Article.Article.IngestedAt);
    }

    /// <summary>
    /// Ends the article's turn. When the next article in line is already waiting, it is decided in the same
    /// transaction; the last of a run commits the decisions of all (a backlog pays one commit per run).
    /// </summary>
    private void EndTurn(long sequence)
    {
        if (sequence == 0 || !resequencer.NextIsWaiting(sequence) || clusterer.Uncommitted >= MaxUncommittedDecisions)
        {
            metrics.Committed(clusterer.Commit());
        }
        resequencer.Leave(sequence);
    }

    /// <summary>
    /// Waits for the commit of the article's group; should the article meant to commit it never be decided (its
    /// delivery was cancelled after its turn came), commits the group itself after <see cref="CommitWait"/>.
    /// </summary>
    private async Task WhenCommittedAsync(Task committed, CancellationToken cancellationToken)
    {
        try
        {
            await committed.WaitAsync(CommitWait, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            metrics.Committed(clusterer.Commit());
            await committed.ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {ArticleId} -> story {StoryId} v{Version}: {JoinKind}, score {Score}")]
    private partial void LogDecision(string articleId, string storyId, long version, Contracts.V1.JoinReason.Types.Kind joinKind, double score);

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {ArticleId} -> story {StoryId} v{Version}: moved with its story, which {MergedBy} merged into this one")]
    private partial void LogMove(string articleId, string storyId, long version, string mergedBy);
}
