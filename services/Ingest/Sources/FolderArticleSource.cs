using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Newsroom.Ingest;

/// <summary>
/// A watched folder of article files (.txt, .html, .html.gz, .json, .jsonl): reads what is there
/// at start, then new and changed files. A FileSystemWatcher triggers a rescan at once; the
/// periodic rescan catches what watchers miss (network shares, overflows). Re-reading a file is
/// harmless: the store answers "duplicate". A file of which nothing could be ingested is moved to
/// the <c>rejected</c> subfolder with its reasons (see <see cref="RejectedFiles"/>), so it is refused once.
/// </summary>
public sealed partial class FolderArticleSource(TimeProvider time, ILogger<FolderArticleSource> logger) : IArticleSource
{
    // A file written this recently may still be growing; it is read on a later pass.
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(500);

    // An empty file is most often one its writer has created and not yet written (a copy on a busy machine can take
    // longer than SettleTime to start). Read now, it would be rejected and set aside while the writer fills it.
    private static readonly TimeSpan EmptySettleTime = TimeSpan.FromSeconds(5);

    public string Type => "folder";

    public async Task RunAsync(SourceSettings settings, IArticleSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sink);
        var folder = Path.GetFullPath(settings.Path
            ?? throw new InvalidOperationException($"Folder source {settings.DisplayName} has no Path; set Ingest:Sources:<n>:Path"));
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Folder source {settings.DisplayName}: {folder} does not exist; create it or fix Ingest:Sources:<n>:Path");
        }

        var rejected = new RejectedFiles(folder, IngestProcess.Current);
        foreach (var (file, marker) in rejected.Interrupted())
        {
            if (File.Exists(file))
            {
                SetAside(settings, rejected, file,
                    ["ingest stopped while reading this file (it may have crashed ingest); it is not read again so that it cannot do so at every start"]);
            }

            try
            {
                File.Delete(marker);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogCannotMark(logger, settings.DisplayName, rejected.Folder, e.Message);
            }
        }

        var seen = new Dictionary<string, (long Length, DateTime WrittenAt)>(StringComparer.Ordinal);
        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = settings.Watch ? Watch(folder, changes.Writer) : null;
        while (true)
        {
            var unsettled = await ScanAsync(settings, folder, rejected, seen, sink, cancellationToken).ConfigureAwait(false);
            if (!settings.Watch)
            {
                return;
            }
            var wait = unsettled ? SettleTime : settings.PollInterval;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(wait);
            try
            {
                await changes.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The rescan interval passed without a watcher event.
            }
        }
    }

    /// <returns>Whether a file was left for later because it was still being written or locked.</returns>
    private async Task<bool> ScanAsync(SourceSettings settings, string folder, RejectedFiles rejected, Dictionary<string, (long, DateTime)> seen, IArticleSink sink, CancellationToken cancellationToken)
    {
        var tally = new IngestTally("files");
        var unsettled = false;
        foreach (var path in Directory.EnumerateFiles(folder).Where(ArticleFileReader.IsArticleFile).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                continue;
            }
            var state = (info.Length, info.LastWriteTimeUtc);
            if (seen.TryGetValue(path, out var known) && known == state)
            {
                continue;
            }
            // Only a watched folder can come back for a file that is still being written.
            if (settings.Watch && time.GetUtcNow().UtcDateTime - info.LastWriteTimeUtc < (info.Length == 0 ? EmptySettleTime : SettleTime))
            {
                unsettled = true;
                continue;
            }
            try
            {
                tally.CountItem();
                // Only a crash leaves the marker behind: a busy file or a shutdown clears it.
                MarkReading(settings, rejected, path);
                try
                {
                    var results = await ArticleFileImporter.ImportAsync(path, sink, tally, cancellationToken).ConfigureAwait(false);
                    seen[path] = state;
                    // A file of which nothing could be ingested would be refused again at every start.
                    if (results.All(r => r.Outcome == IngestOutcome.Rejected))
                    {
                        SetAside(settings, rejected, path, results.Select(r => r.Reason));
                    }
                }
                finally
                {
                    MarkReading(settings, rejected, null);
                }
            }
            catch (IOException e)
            {
                LogFileBusy(logger, settings.DisplayName, info.Name, e.Message);
                unsettled = true;
            }
        }
        if (tally.Items > 0)
        {
            LogProgress(logger, settings.DisplayName, tally);
        }
        return unsettled;
    }

    private void MarkReading(SourceSettings settings, RejectedFiles rejected, string? path)
    {
        try
        {
            if (path is null)
            {
                rejected.EndReading();
            }
            else
            {
                rejected.BeginReading(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogCannotMark(logger, settings.DisplayName, rejected.Folder, e.Message);
        }
    }

    private void SetAside(SourceSettings settings, RejectedFiles rejected, string path, IEnumerable<string> reasons)
    {
        try
        {
            LogSetAside(logger, settings.DisplayName, Path.GetFileName(path), rejected.SetAside(path, reasons));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogCannotSetAside(logger, settings.DisplayName, Path.GetFileName(path), rejected.Folder, e.Message);
        }
    }

    private static FileSystemWatcher Watch(string folder, ChannelWriter<bool> changes)
    {
        var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        void Signal(object sender, FileSystemEventArgs e) => changes.TryWrite(true);
        watcher.Created += Signal;
        watcher.Changed += Signal;
        watcher.Renamed += (sender, e) => changes.TryWrite(true);
        watcher.Error += (sender, e) => changes.TryWrite(true);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "folder {Source}: {Progress}")]
    private static partial void LogProgress(ILogger logger, string source, IngestTally progress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "folder {Source}: {File} was rejected and moved to {Target}, with the reason beside it; fix it and move it back to ingest it")]
    private static partial void LogSetAside(ILogger logger, string source, string file, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "folder {Source}: {File} was rejected but could not be moved to {Folder} ({Problem}); it will be read again at the next start unless it is removed")]
    private static partial void LogCannotSetAside(ILogger logger, string source, string file, string folder, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "folder {Source}: cannot write the reading marker in {Folder} ({Problem}); give ingest write access to the folder so that a file which stops ingest is set aside")]
    private static partial void LogCannotMark(ILogger logger, string source, string folder, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "folder {Source}: {File} is busy ({Problem}); reading it on the next pass")]
    private static partial void LogFileBusy(ILogger logger, string source, string file, string problem);
}
