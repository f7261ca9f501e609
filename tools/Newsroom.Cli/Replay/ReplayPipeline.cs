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

    /// <summary>
    /// The outcomes of the inputs, in input order. Cleaning, extraction and dedup's profile of the next inputs (up to 16 per
    /// core, so that neither side waits on the other's slow articles) run on the other cores while dedup places
    /// the current one; dedup alone decides in input order, so the stories are the same as one article at a
    /// time. The inputs are read on the caller's thread.
    /// </summary>
    public IEnumerable<ReplayOutcome> Run(IEnumerable<ReplayInput> inputs, CancellationToken cancellationToken = default)
    {
        var lookahead = 16 * Environment.ProcessorCount;
        var pending = new Queue<Task<Prepared>>(lookahead);
        using var input = inputs.GetEnumerator();
        var more = true;
        try
        {
            while (true)
            {
                while (more && pending.Count < lookahead)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (more = input.MoveNext())
                    {
                        var item = input.Current;
                        pending.Enqueue(Task.Run(() => Prepare(item, cancellationToken), cancellationToken));
                    }
                }
                if (!pending.TryDequeue(out var next))
                {
                    yield break;
                }
                yield return Assign(next.GetAwaiter().GetResult());
            }
        }
        finally
        {
            // A run stopped early (cancelled, or the caller stopped reading) leaves no work behind.
            foreach (var task in pending)
            {
                task.ContinueWith(static t => t.Exception, TaskScheduler.Default).Wait(CancellationToken.None);
            }
        }
    }

    private Prepared Prepare(ReplayInput input, CancellationToken cancellationToken)
    {
        if (input.Article is null)
        {
            return new Prepared(input.Id, null, input.Error ?? "the item could not be read");
        }
        var stage = "cleaning";
        try
        {
            var ingested = _cleaner.Clean(input.Article, input.Id, _time.GetUtcNow(), cancellationToken);
            stage = "extraction";
            var extracted = _extractor.Extract(ingested, _time.GetUtcNow());
            stage = "story assignment";
            return new Prepared(input.Id, _clusterer.Profile(extracted), null);
        }
        catch (ArticleRejectedException exception)
        {
            return new Prepared(input.Id, null, exception.Reason);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One article that breaks a stage is that article's error line; the run goes on with the next.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new Prepared(input.Id, null, Failed(stage, exception));
        }
    }

    private ReplayOutcome Assign(Prepared prepared)
    {
        if (prepared.Profile is null)
        {
            return new ReplayOutcome(prepared.Id, null, null, prepared.Error, []);
        }
        try
        {
            var decision = _clusterer.Decide(prepared.Profile, _time.GetUtcNow());
            _clusterer.Commit();
            return new ReplayOutcome(prepared.Id, decision.Update, prepared.Profile.Article, null, decision.Moved);
        }
#pragma warning disable CA1031 // As in Prepare.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new ReplayOutcome(prepared.Id, null, null, Failed("story assignment", exception), []);
        }
    }

    private static string Failed(string stage, Exception exception) =>
        $"{stage} failed on this article ({exception.GetType().Name}: {exception.Message}); the other articles were replayed. This is a bug: report it with the article";

    public void Dispose() => _store.Dispose();

    /// <summary>An article cleaned, extracted and profiled for dedup, or why it could not be.</summary>
    private sealed record Prepared(string Id, ArticleProfile? Profile, string? Error);
}
