using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Newsroom.Ingest.Tests;

public sealed class FolderRejectedFilesTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ingest-rejected-");
    private IngestTestServices _services = null!;

    public async Task InitializeAsync() => _services = await IngestTestServices.StartAsync();

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));
        return path;
    }

    private SourceSettings Settings() => new() { Type = "folder", Name = "inbox", Path = _folder.FullName, Watch = false };

    private async Task<List<IngestResult>> RunSourceAsync()
    {
        var sink = new RecordingSink(_services.CreateIngestor());
        await new FolderArticleSource(TimeProvider.System, NullLogger<FolderArticleSource>.Instance).RunAsync(Settings(), sink, default);
        return [.. sink.Results];
    }

    [Fact]
    public async Task A_bad_file_is_rejected_once_moved_aside_with_its_reason_and_not_read_at_the_next_start()
    {
        Write("001_good.txt", "The harbour reopened on Monday after repairs to the sea wall were finished.");
        Write("002_deep.html", "<html><body><p>The council met on Monday to discuss the harbour budget.</p>"
            + string.Concat(Enumerable.Repeat("<div>", 30_000)) + "</body></html>");

        var first = await RunSourceAsync();
        var second = await RunSourceAsync();

        Assert.Equal([("001_good", IngestOutcome.Accepted), ("002_deep", IngestOutcome.Rejected)], first.Select(r => (r.ClientRef, r.Outcome)));
        Assert.Equal([("001_good", IngestOutcome.Duplicate)], second.Select(r => (r.ClientRef, r.Outcome)));
        var rejected = Path.Combine(_folder.FullName, RejectedFiles.FolderName);
        Assert.False(File.Exists(Path.Combine(_folder.FullName, "002_deep.html")));
        Assert.True(File.Exists(Path.Combine(rejected, "002_deep.html")));
        Assert.Contains("Ingest:MaxHtmlDepth", File.ReadAllText(Path.Combine(rejected, "002_deep.html.reason.txt")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "001_good.txt")));
    }

    public static TheoryData<string> StoppedReaders => ["a process that is gone", "an earlier process with the same id", "a marker of the first versions"];

    [Theory]
    [MemberData(nameof(StoppedReaders))]
    public async Task A_file_that_was_being_read_when_ingest_stopped_is_set_aside_at_the_next_start(string reader)
    {
        Write("001_good.txt", "The harbour reopened on Monday after repairs to the sea wall were finished.");
        var crashed = Write("002_crashed.html", "<html><body><p>The council met on Monday to discuss the harbour budget, which grew by a third.</p></body></html>");
        // What a process that died while reading 002_crashed.html leaves behind.
        var rejected = Path.Combine(_folder.FullName, RejectedFiles.FolderName);
        switch (reader)
        {
            case "a process that is gone":
                // Beyond any process id Linux gives.
                new RejectedFiles(_folder.FullName, new IngestProcess(Environment.MachineName, int.MaxValue, DateTime.UtcNow)).BeginReading(crashed);
                break;
            case "an earlier process with the same id":
                // A restarted container's ingest has the id of the one that crashed.
                new RejectedFiles(_folder.FullName, IngestProcess.Current with { StartedAt = IngestProcess.Current.StartedAt.AddMinutes(-5) }).BeginReading(crashed);
                break;
            default:
                Directory.CreateDirectory(rejected);
                File.WriteAllText(Path.Combine(rejected, ".reading"), "002_crashed.html");
                break;
        }

        var results = await RunSourceAsync();

        Assert.Equal([("001_good", IngestOutcome.Accepted)], results.Select(r => (r.ClientRef, r.Outcome)));
        Assert.True(File.Exists(Path.Combine(rejected, "002_crashed.html")));
        Assert.Contains("ingest stopped while reading this file", File.ReadAllText(Path.Combine(rejected, "002_crashed.html.reason.txt")), StringComparison.Ordinal);
        // The marker went with it, so the next start sets nothing else aside.
        Assert.Empty(Directory.GetFiles(rejected, ".reading*"));
    }

    /// <summary>Two hosts started from one build read its samples folder at once: neither sets aside what the other is reading.</summary>
    [Fact]
    public async Task A_file_another_running_ingest_is_reading_is_read_and_not_set_aside()
    {
        Write("001_good.txt", "The harbour reopened on Monday after repairs to the sea wall were finished.");
        var busy = Write("002_busy.html", "<html><body><p>The council met on Monday to discuss the harbour budget, which grew by a third.</p></body></html>");
        using var other = System.Diagnostics.Process.Start("sleep", "30");
        var otherReader = new IngestProcess(Environment.MachineName, other.Id, other.StartTime.ToUniversalTime());
        try
        {
            new RejectedFiles(_folder.FullName, otherReader).BeginReading(busy);

            var results = await RunSourceAsync();

            Assert.Equal([("001_good", IngestOutcome.Accepted), ("002_busy", IngestOutcome.Accepted)], results.Select(r => (r.ClientRef, r.Outcome)));
            Assert.True(File.Exists(busy));
            // The other's marker is its own to clear.
            Assert.Single(Directory.GetFiles(Path.Combine(_folder.FullName, RejectedFiles.FolderName), ".reading*"));
        }
        finally
        {
            other.Kill();
        }
    }
}
