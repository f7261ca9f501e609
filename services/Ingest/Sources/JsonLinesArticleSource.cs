using Microsoft.Extensions.Logging;

namespace Newsroom.Ingest;

/// <summary>
/// Imports a JSON Lines file (one article per line: id, text or html, title, url, source,
/// published). With Watch it imports the file again whenever it changes; lines already
/// ingested come back as duplicates and publish nothing.
/// </summary>
public sealed partial class JsonLinesArticleSource(TimeProvider time, ILogger<JsonLinesArticleSource> logger) : IArticleSource
{
    public string Type => "jsonl";

    public async Task RunAsync(SourceSettings settings, IArticleSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sink);
        var path = Path.GetFullPath(settings.Path
            ?? throw new InvalidOperationException($"JSON Lines source {settings.DisplayName} has no Path; set Ingest:Sources:<n>:Path to a .jsonl file"));
        (long, DateTime)? imported = null;
        while (true)
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new FileNotFoundException($"JSON Lines source {settings.DisplayName}: {path} does not exist; fix Ingest:Sources:<n>:Path", path);
            }
            var state = (info.Length, info.LastWriteTimeUtc);
            if (imported != state)
            {
                var tally = new IngestTally("lines");
                await ArticleFileImporter.ImportAsync(path, new CountingSink(sink, tally), tally, cancellationToken).ConfigureAwait(false);
                imported = state;
                LogProgress(logger, settings.DisplayName, tally);
            }
            if (!settings.Watch)
            {
                return;
            }
            await Task.Delay(settings.PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    // Every line, good or bad, passes through the sink once; counting there gives the line count.
    private sealed class CountingSink(IArticleSink inner, IngestTally tally) : IArticleSink
    {
        public Task<IngestResult> SubmitAsync(RawArticle article, CancellationToken cancellationToken)
        {
            tally.CountItem();
            return inner.SubmitAsync(article, cancellationToken);
        }

        public Task<IngestResult> RejectAsync(string clientRef, string? url, string reason, CancellationToken cancellationToken)
        {
            tally.CountItem();
            return inner.RejectAsync(clientRef, url, reason, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "jsonl {Source}: {Progress}")]
    private static partial void LogProgress(ILogger logger, string source, IngestTally progress);
}
