using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Newsroom.Ingest;

/// <summary>
/// Runs the sources configured under <c>Ingest:Sources</c>, each in its own loop, once the host
/// (and with it the bus) has started. A source that fails is logged and restarted after its poll
/// interval; it never stops the others.
/// </summary>
public sealed partial class SourceRunner(
    IOptions<IngestOptions> options,
    IEnumerable<IArticleSource> sources,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<SourceRunner> logger) : BackgroundService
{
    private static readonly TimeSpan MinimumRestartDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var configured = options.Value.Sources;
        if (configured.Count == 0)
        {
            return;
        }
        // Publishing needs a started bus, which starts with the host.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        await Task.WhenAll(configured.Select(settings => RunSourceAsync(settings, stoppingToken))).ConfigureAwait(false);
    }

    private async Task RunSourceAsync(SourceSettings settings, CancellationToken stoppingToken)
    {
        var source = sources.FirstOrDefault(s => string.Equals(s.Type, settings.Type, StringComparison.OrdinalIgnoreCase));
        if (source is null)
        {
            LogUnknownType(logger, settings.DisplayName, settings.Type, string.Join(", ", sources.Select(s => s.Type)));
            return;
        }
        LogStarting(logger, settings.Type, settings.DisplayName);
        while (!stoppingToken.IsCancellationRequested)
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                try
                {
                    var sink = new SourceArticleSink(scope.ServiceProvider.GetRequiredService<ArticleIngestor>(), $"{settings.Type}:{settings.DisplayName}");
                    await source.RunAsync(settings, sink, stoppingToken).ConfigureAwait(false);
                    LogFinished(logger, settings.Type, settings.DisplayName);
                    return;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    var delay = settings.PollInterval > MinimumRestartDelay ? settings.PollInterval : MinimumRestartDelay;
                    LogSourceFailed(logger, settings.Type, settings.DisplayName, delay, e);
                    try
                    {
                        await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting {Type} source {Source}")]
    private static partial void LogStarting(ILogger logger, string type, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Type} source {Source} finished")]
    private static partial void LogFinished(ILogger logger, string type, string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "Source {Source} has Type \"{Type}\", which no registered source reads (known: {Known}); fix Ingest:Sources")]
    private static partial void LogUnknownType(ILogger logger, string source, string type, string known);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Type} source {Source} failed; restarting it in {Delay}")]
    private static partial void LogSourceFailed(ILogger logger, string type, string source, TimeSpan delay, Exception exception);
}
