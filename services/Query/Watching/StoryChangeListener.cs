using System.Text.Json;
using Microsoft.Extensions.Logging;
using Newsroom.ServiceDefaults;
using Npgsql;

namespace Newsroom.Query;

/// <summary>
/// Where query replicas share a PostgreSQL read model: listens for the story changes every replica
/// announces when it commits (<see cref="PostgresQueryStoreSql.StoryChangeChannel"/>) and hands each to
/// this replica's watchers, so a watcher hears of every change whichever replica indexed it, with the
/// story as this replica reads it then (a later change may already show). A lost connection is opened
/// again; changes announced while it was down are not heard.
/// </summary>
public sealed partial class StoryChangeListener(
    PostgresDatabase database,
    QueryStore store,
    StoryUpdateBroadcaster broadcaster,
    ILogger<StoryChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is NpgsqlException or InvalidOperationException)
            {
                LogListenFailed(logger, database.Description, delay.TotalSeconds, error);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await database.OpenAsync(stoppingToken).ConfigureAwait(false);
        connection.Notification += (_, notification) => Hand(notification.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresQueryStoreSql.StoryChangeChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
        }

        LogListening(logger, database.Description);
        while (true)
        {
            await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private void Hand(string payload)
    {
        try
        {
            // With no watcher here, the change is not read (every replica hears every change).
            if (broadcaster.WatcherCount > 0
                && JsonSerializer.Deserialize<StoryChange>(payload) is { StoryId.Length: > 0 } change
                && store.GetStorySummary(change.StoryId) is { } summary)
            {
                broadcaster.Publish(change.ToUpdate(summary));
            }
        }
        catch (Exception error) when (error is JsonException or NpgsqlException or InvalidOperationException)
        {
            LogChangeDropped(logger, payload, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for story changes on the {Database}")]
    private static partial void LogListening(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost or could not open the connection that listens for story changes on the {Database}; trying again in {Seconds} s. Watchers hear no changes until then.")]
    private static partial void LogListenFailed(ILogger logger, string database, double seconds, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not pass on the story change {Payload} to watchers")]
    private static partial void LogChangeDropped(ILogger logger, string payload, Exception error);
}
