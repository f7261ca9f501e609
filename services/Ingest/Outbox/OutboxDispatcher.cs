using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.ServiceDefaults;

namespace Newsroom.Ingest;

/// <summary>
/// Publishes the events in ingest's outbox in the order their articles were stored, each awaited
/// until the broker confirms it, then marks it sent. What a previous run stored but never saw
/// confirmed is still pending, so it goes out first after a restart. A crash between the broker's
/// confirmation and the mark publishes that event again; consumers key on the article id, so
/// at least once is enough. While the bus is unhealthy (not started yet, broker unreachable) it waits
/// rather than hang on publications; failed publications stay pending and are retried with growing pauses.
/// When they keep failing on a bus that reports healthy, it restarts the bus to publish over new channels.
/// Each event is published in the trace of the submission that stored it.
/// </summary>
public sealed partial class OutboxDispatcher(
    IngestStore store,
    OutboxSignal signal,
    IBusControl bus,
    IOptions<OutboxOptions> options,
    PipelineMetrics metrics,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public const string BacklogName = "ingest_outbox";

    /// <summary>This dispatcher stopped the bus to restart it and has not started it again yet.</summary>
    private bool _restartPending;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        metrics.TrackBacklog(BacklogName, () => store.PendingCount());
        if (store.PendingCount() is > 0 and var pending)
        {
            LogResuming(logger, pending, store.Description);
        }
        var failures = 0;
        var failuresWhileHealthy = 0;
        var waitingForBus = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            OutboxMessage? current = null;
            try
            {
                if (bus.CheckHealth() is { Status: not BusHealthStatus.Healthy } health)
                {
                    if (!waitingForBus && store.PendingCount() is > 0 and var waiting)
                    {
                        LogWaitingForBus(logger, waiting, health.Description);
                        waitingForBus = true;
                    }
                    failuresWhileHealthy = 0;
                    if (_restartPending)
                    {
                        await StartBusAsync(settings.PublishTimeout, stoppingToken).ConfigureAwait(false);
                    }
                    await signal.WaitForWorkAsync(settings.PollInterval, stoppingToken).ConfigureAwait(false);
                    continue;
                }
                waitingForBus = false;
                var batch = store.PendingEvents(settings.BatchSize);
                if (batch.Count == 0)
                {
                    await signal.WaitForWorkAsync(settings.PollInterval, stoppingToken).ConfigureAwait(false);
                    continue;
                }
                foreach (var message in batch)
                {
                    current = message;
                    await PublishAsync(message, settings.PublishTimeout, stoppingToken).ConfigureAwait(false);
                    if (failures > 0)
                    {
                        LogRecovered(logger, failures);
                        failures = 0;
                        failuresWhileHealthy = 0;
                    }
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                failuresWhileHealthy++;
                var delay = RetryDelay(settings, failures);
                if (current is not null)
                {
                    store.RecordFailedAttempt(current.Event.ArticleId);
                }
                LogPublishFailed(logger, current?.Event.ArticleId ?? "(none: reading the outbox failed)", current?.Attempts + 1 ?? 0, delay.TotalSeconds, e);
                if (settings.RestartBusAfter > 0 && failuresWhileHealthy >= settings.RestartBusAfter)
                {
                    failuresWhileHealthy = 0;
                    await RestartBusAsync(failures, settings.PublishTimeout, stoppingToken).ConfigureAwait(false);
                }
                // A new or re-submitted article cuts the pause short: the submitter is waiting.
                await signal.WaitForWorkAsync(delay, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task PublishAsync(OutboxMessage message, TimeSpan publishTimeout, CancellationToken stoppingToken)
    {
        // A span that continues the submission's trace; MassTransit's publish span and, over the
        // message headers, every consumer's span are its children.
        ActivityContext.TryParse(message.TraceParent, null, out var submission);
        using var activity = NewsroomTelemetry.Source.StartActivity("outbox publish", ActivityKind.Internal, submission);
        activity?.SetTag(NewsroomTelemetry.ArticleIdTag, message.Event.ArticleId);
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            timeout.CancelAfter(publishTimeout);
            await bus.Publish(message.Event with { Sequence = message.Sequence }, timeout.Token).ConfigureAwait(false);
        }
        store.MarkSent(message.Event.ArticleId, time.GetUtcNow());
        signal.Confirmed(message.Event.ArticleId);
    }

    /// <summary>
    /// Stops and starts the bus, which drops its connection and channels. Publications other callers make
    /// meanwhile fail and stay pending. A stop that does not finish in time still counts as stopped (MassTransit
    /// marks it so); a start that fails leaves the bus unhealthy, and the loop tries it again while it waits.
    /// </summary>
    private async Task RestartBusAsync(int failures, TimeSpan timeout, CancellationToken stoppingToken)
    {
        LogRestartingBus(logger, failures);
        if (await WithinAsync(bus.StopAsync, timeout, stoppingToken).ConfigureAwait(false) is { } stopFailure)
        {
            LogStopFailed(logger, stopFailure);
        }
        _restartPending = true;
        await StartBusAsync(timeout, stoppingToken).ConfigureAwait(false);
    }

    private async Task StartBusAsync(TimeSpan timeout, CancellationToken stoppingToken)
    {
        if (await WithinAsync(token => bus.StartAsync(token), timeout, stoppingToken).ConfigureAwait(false) is { } startFailure)
        {
            LogStartFailed(logger, startFailure);
        }
        else
        {
            _restartPending = false;
        }
    }

    /// <summary>Runs a bus operation for at most <paramref name="timeout"/>; returns how it failed, unless the service is stopping, or null.</summary>
    private static async Task<Exception?> WithinAsync(Func<CancellationToken, Task> operation, TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        limit.CancelAfter(timeout);
        try
        {
            await operation(limit.Token).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            return e;
        }
    }

    private static TimeSpan RetryDelay(OutboxOptions settings, int failures)
    {
        var doubled = settings.RetryDelay * Math.Pow(2, Math.Min(failures - 1, 16));
        return doubled < settings.MaxRetryDelay ? doubled : settings.MaxRetryDelay;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Publishing {Count} stored events that were not confirmed before (outbox in {Store})")]
    private static partial void LogResuming(ILogger logger, int count, string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The broker did not confirm the event of {ArticleId} (attempt {Attempt}); it stays in the outbox and is retried in {DelaySeconds} s or at the next submission. Check that the broker in Bus:Uri is running and reachable; nothing is lost meanwhile")]
    private static partial void LogPublishFailed(ILogger logger, string articleId, int attempt, double delaySeconds, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} events wait in the outbox until the bus is healthy ({Health}); check that the broker in Bus:Uri is running and reachable")]
    private static partial void LogWaitingForBus(ILogger logger, int count, string health);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The broker has confirmed no event for {Failures} rounds while the bus reports healthy; restarting the bus to publish over new channels")]
    private static partial void LogRestartingBus(ILogger logger, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping the bus for its restart did not finish cleanly; starting it again all the same")]
    private static partial void LogStopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Starting the bus again failed; the outbox tries again at its next poll and keeps every event meanwhile. Check that the broker in Bus:Uri is running and reachable")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The outbox publishes again after {Failures} failed rounds")]
    private static partial void LogRecovered(ILogger logger, int failures);
}
