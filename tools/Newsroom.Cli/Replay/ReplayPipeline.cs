using Newsroom.Dedup;
using Newsroom.Extraction;
using Newsroom.Ingest;
using Newsroom.ServiceDefaults;

namespace Newsroom.Cli.Replay;

/// <summary>
/// The ingest, extraction and dedup code of the services, called directly in one process with
/// an in-memory story store: no bus, so a backfill or an evaluation run is deterministic. The
/// cleaner has ingest's default limits (nesting depth, element count, field lengths, time budget).
/// An article that fails in any stage becomes its own error outcome; it never stops the run.
/// </summary>
internal sealed class ReplayPipeline : IDisposable
{
    private readonly ArticleCleaner _cleaner = new();
    private readonly ArticleExtractor _extractor = new();
    private readonly StoryStore _store;
    private readonly StoryClusterer _clusterer;
    private readonly TimeProvider _time;

    public ReplayPipeline(TimeProvider time, StoryClustererOptions? options = null)
    {
        _time = time;
        _store = new StoryStore(SqliteDatabase.InMemory());
        _clusterer = new StoryClusterer(_store, options);
    }

    public ReplayOutcome Process(ReplayInput input, CancellationToken cancellationToken = default)
    {
        if (input.Article is null)
        {
            return new ReplayOutcome(input.Id, null, null, input.Error ?? "the item could not be read");
        }

        var stage = "cleaning";
        try
        {
            var ingested = _cleaner.Clean(input.Article, input.Id, _time.GetUtcNow(), cancellationToken);
            stage = "extraction";
            var extracted = _extractor.Extract(ingested, _time.GetUtcNow());
            stage = "story assignment";
            var story = _clusterer.Assign(extracted, _time.GetUtcNow());
            return new ReplayOutcome(input.Id, story.StoryId, extracted, null);
        }
        catch (ArticleRejectedException exception)
        {
            return new ReplayOutcome(input.Id, null, null, exception.Reason);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One article that breaks a stage is that article's error line; the run goes on with the next.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new ReplayOutcome(input.Id, null, null,
                $"{stage} failed on this article ({exception.GetType().Name}: {exception.Message}); the other articles were replayed. This is a bug: report it with the article");
        }
    }

    public void Dispose() => _store.Dispose();
}
