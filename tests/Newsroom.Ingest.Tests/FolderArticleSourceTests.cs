using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Newsroom.Ingest.Tests;

public sealed class FolderArticleSourceTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ingest-folder-");
    private IngestTestServices _services = null!;

    public async Task InitializeAsync() => _services = await IngestTestServices.StartAsync();

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    private void Write(string name, string content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, content);
        // Files of a finished copy, not ones still being written.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));
    }

    private SourceSettings Settings(bool watch) => new()
    {
        Type = "folder",
        Name = "samples",
        Path = _folder.FullName,
        Watch = watch,
        PollInterval = TimeSpan.FromMinutes(10),
    };

    private static FolderArticleSource Source() => new(TimeProvider.System, NullLogger<FolderArticleSource>.Instance);

    [Fact]
    public async Task Existing_files_then_a_new_file_are_ingested_and_a_bad_file_does_not_stop_them()
    {
        Write("001_good.txt", "Harbour reopens\n\nThe harbour reopened on Monday after repairs to the sea wall were finished.");
        Write("002_bad.txt", "   ");
        Write("003_page.html", "<html><body><p>The airport opened a second runway on Tuesday, doubling its capacity.</p></body></html>");
        Write("notes.pdf", "not an article");
        var sink = new RecordingSink(_services.CreateIngestor());
        using var stop = new CancellationTokenSource();
        var running = Source().RunAsync(Settings(watch: true), sink, stop.Token);

        await sink.WaitUntilAsync(r => r.Count >= 3);
        Assert.Equal(
            [("001_good", IngestOutcome.Accepted), ("002_bad", IngestOutcome.Rejected), ("003_page", IngestOutcome.Accepted)],
            sink.Results.Select(r => (r.ClientRef, r.Outcome)));

        File.WriteAllText(Path.Combine(_folder.FullName, "004_new.txt"), "The bridge closed for inspection on Wednesday, officials said.");
        await sink.WaitUntilAsync(r => r.Count >= 4);
        Assert.Equal(("004_new", IngestOutcome.Accepted), sink.Results.Last() is var last ? (last.ClientRef, last.Outcome) : default);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal(3, _services.PublishedIngested);
    }

    [Fact]
    public async Task A_file_created_empty_and_written_a_moment_later_is_read_once_written()
    {
        var sink = new RecordingSink(_services.CreateIngestor());
        using var stop = new CancellationTokenSource();
        var running = Source().RunAsync(Settings(watch: true), sink, stop.Token);
        var path = Path.Combine(_folder.FullName, "slow.txt");

        // As a copy on a busy machine does: the file exists, empty, for a while before its writer writes it.
        await using (var writer = new StreamWriter(path))
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await writer.WriteAsync("Ferry resumes\n\nThe island ferry resumed sailing on Thursday after the storm passed.");
        }

        await sink.WaitUntilAsync(r => r.Count >= 1);
        Assert.Equal([("slow", IngestOutcome.Accepted)], sink.Results.Select(r => (r.ClientRef, r.Outcome)));
        Assert.True(File.Exists(path), "the file was set aside while it was being written");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task Reading_the_same_files_again_publishes_nothing_new()
    {
        Write("a.txt", "The council agreed the budget on Monday evening after a long debate.");
        Write("b.jsonl", """
            {"id":"b1","text":"The first line of the batch is about trains running late."}
            {"id":"b2","text":
            {"id":"b3","text":"The third line of the batch is about buses running early."}
            """);
        var first = new RecordingSink(_services.CreateIngestor());
        await Source().RunAsync(Settings(watch: false), first, default);
        var second = new RecordingSink(_services.CreateIngestor());
        await Source().RunAsync(Settings(watch: false), second, default);

        Assert.Equal(
            [("a", IngestOutcome.Accepted), ("b1", IngestOutcome.Accepted), ("b:2", IngestOutcome.Rejected), ("b3", IngestOutcome.Accepted)],
            first.Results.Select(r => (r.ClientRef, r.Outcome)));
        Assert.Equal(
            [IngestOutcome.Duplicate, IngestOutcome.Duplicate, IngestOutcome.Rejected, IngestOutcome.Duplicate],
            second.Results.Select(r => r.Outcome));
        Assert.Equal(3, _services.PublishedIngested);
    }

    [Fact]
    public async Task Articles_a_configured_source_reads_are_marked_as_submitted_by_it()
    {
        Write("a.txt", "The council agreed the budget on Monday evening after a long debate.");
        var sink = new SourceArticleSink(_services.CreateIngestor(), "folder:samples");

        await Source().RunAsync(Settings(watch: false), sink, default);

        Assert.True(await _services.WaitForPublishedIngestedAsync(1));
        Assert.Equal("folder:samples", Assert.Single(_services.PublishedIngestedEvents).SubmittedBy);
    }
}
