using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Newsroom.Contracts.V1;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// What the pipeline counts (meter <see cref="NewsroomTelemetry.Name"/>): articles through each
/// stage and how long after ingest they got there, ingest's outcomes, dedup's decisions and commits, and the
/// messages a service holds back (ingest's unpublished outbox, dedup's resequencing window).
/// Exported on <c>/metrics</c> for Prometheus and over OTLP when configured.
/// </summary>
public sealed class PipelineMetrics
{
    // Seconds: a quiet pipeline takes tens of milliseconds, a backlog minutes.
    private static readonly double[] LagBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900];

    // Decisions per commit: one while articles trickle in, up to the group limit in a backlog.
    private static readonly long[] CommitBuckets = [1, 2, 4, 8, 16, 32, 64, 128];

    private readonly TimeProvider _time;
    private readonly Counter<long> _articles;
    private readonly Histogram<double> _lag;
    private readonly Counter<long> _submissions;
    private readonly Counter<long> _decisions;
    private readonly Histogram<long> _commits;
    private readonly Histogram<long> _indexCommits;
    private readonly ConcurrentDictionary<string, Func<long>> _backlogs = new(StringComparer.Ordinal);

    public PipelineMetrics(IMeterFactory meters, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _time = time;
        var meter = meters.Create(NewsroomTelemetry.Name);
        _articles = meter.CreateCounter<long>("newsroom.articles", "{article}", "Articles that completed a pipeline stage, by stage");
        _lag = meter.CreateHistogram<double>(
            "newsroom.article.lag",
            "s",
            "Time from an article's ingest to the end of a stage, by stage: how far each stage runs behind",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBuckets });
        _submissions = meter.CreateCounter<long>("newsroom.ingest.submissions", "{item}", "Items submitted to ingest, by outcome (accepted, duplicate, rejected)");
        _decisions = meter.CreateCounter<long>("newsroom.dedup.decisions", "{decision}", "Dedup's story decisions, by why the article joined its story");
        _commits = meter.CreateHistogram<long>(
            "newsroom.dedup.commit.decisions",
            "{decision}",
            "Dedup's decisions made durable by one commit of its store",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = CommitBuckets });
        _indexCommits = meter.CreateHistogram<long>(
            "newsroom.query.commit.writes",
            "{write}",
            "Query's writes to its SQLite read model made durable by one commit",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = CommitBuckets });
        meter.CreateObservableGauge("newsroom.backlog", ObserveBacklogs, "{message}", "Messages a service holds back, by where: ingest's unpublished outbox, dedup's resequencing window");
    }

    /// <summary>An article completed <paramref name="stage"/>; it was ingested at <paramref name="ingestedAt"/>.</summary>
    public void StageCompleted(PipelineStage stage, DateTimeOffset ingestedAt)
    {
        var tag = new KeyValuePair<string, object?>("stage", StageName(stage));
        _articles.Add(1, tag);
        _lag.Record(Math.Max(0, (_time.GetUtcNow() - ingestedAt).TotalSeconds), tag);
    }

    public void Submitted(string outcome) => _submissions.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Decided(JoinReason.Types.Kind kind) => _decisions.Add(1, new KeyValuePair<string, object?>("join", JoinName(kind)));

    /// <summary>Dedup committed <paramref name="decisions"/> decisions at once (nothing when none was pending).</summary>
    public void Committed(int decisions)
    {
        if (decisions > 0)
        {
            _commits.Record(decisions);
        }
    }

    /// <summary>Query committed <paramref name="writes"/> writes at once (nothing when the group held none: its one write failed).</summary>
    public void IndexCommitted(int writes)
    {
        if (writes > 0)
        {
            _indexCommits.Record(writes);
        }
    }

    /// <summary>Reports <paramref name="read"/>'s count as the backlog named <paramref name="where"/> at each collection.</summary>
    public void TrackBacklog(string where, Func<long> read) => _backlogs[where] = read;

    private IEnumerable<Measurement<long>> ObserveBacklogs() =>
        _backlogs.Select(backlog => new Measurement<long>(backlog.Value(), new KeyValuePair<string, object?>("where", backlog.Key)));

    private static string StageName(PipelineStage stage) => stage switch
    {
        PipelineStage.Ingested => "ingested",
        PipelineStage.Extracted => "extracted",
        PipelineStage.Clustered => "clustered",
        PipelineStage.Indexed => "indexed",
        _ => "unspecified",
    };

    private static string JoinName(JoinReason.Types.Kind kind) => kind switch
    {
        JoinReason.Types.Kind.FirstArticle => "first_article",
        JoinReason.Types.Kind.NearDuplicate => "near_duplicate",
        JoinReason.Types.Kind.SameEvent => "same_event",
        _ => "unspecified",
    };
}
