using Grpc.Core;
using Grpc.Health.V1;
using Newsroom.Contracts.V1;
using Xunit.Abstractions;

namespace Newsroom.Faults.Tests.Infrastructure;

/// <summary>
/// The four services as separate processes on a virtual host of their own, each on a data folder
/// that survives its kills, and the end state every fault scenario must reach.
/// </summary>
public sealed class FaultPipeline : IAsyncDisposable
{
    private static readonly TimeSpan ServingLimit = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan IndexedLimit = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan DrainedLimit = TimeSpan.FromSeconds(60);

    private readonly IPipelineBroker _broker;
    private readonly ITestOutputHelper _output;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), $"newsroom-faults-{Guid.NewGuid():N}");

    private FaultPipeline(IPipelineBroker broker, Uri virtualHost, ITestOutputHelper output)
    {
        _broker = broker;
        _output = output;
        VirtualHost = virtualHost;
        // As in compose: ingest requires the key, and query accepts it (a key that is sent must be valid).
        var keys = new Dictionary<string, string>
        {
            ["Auth:ApiKeys:0:Key"] = NewsroomClient.ApiKey,
            ["Auth:ApiKeys:0:Client"] = "fault-suite",
        };
        Ingest = Service("Ingest", keys);
        Extraction = Service("Extraction");
        Dedup = Service("Dedup");
        Query = Service("Query", keys);
    }

    public Uri VirtualHost { get; }

    public RestartableService Ingest { get; }

    public RestartableService Extraction { get; }

    public RestartableService Dedup { get; }

    public RestartableService Query { get; }

    public IReadOnlyList<RestartableService> Services => [Ingest, Extraction, Dedup, Query];

    public NewsroomClient Client { get; } = new();

    /// <summary>A new virtual host on <paramref name="broker"/> (one node or a cluster) and the four services on it, each SERVING.</summary>
    public static async Task<FaultPipeline> StartAsync(IPipelineBroker broker, string purpose, ITestOutputHelper output)
    {
        var pipeline = new FaultPipeline(broker, await broker.CreateVirtualHostAsync(purpose), output);
        try
        {
            await Task.WhenAll(pipeline.Services.Select(service => service.StartAsync()));
        }
        catch
        {
            await pipeline.DisposeAsync();
            throw;
        }
        pipeline.Log($"{purpose}: four services SERVING on {pipeline.VirtualHost}");
        return pipeline;
    }

    /// <summary>
    /// The end state of every scenario: each service SERVING, each of <paramref name="articleIds"/>
    /// indexed, the stories holding exactly those articles once each, and every queue of the
    /// virtual host (the <c>_error</c> queues included) empty with nothing unacknowledged.
    /// </summary>
    public async Task AssertEveryArticleIndexedOnceAsync(IReadOnlyCollection<string> articleIds)
    {
        foreach (var service in Services)
        {
            await service.Current.WaitUntilAsync(
                async () => await Client.HealthAsync(service.Address) == HealthCheckResponse.Types.ServingStatus.Serving,
                "its health to report SERVING again",
                ServingLimit);
        }
        Log("every service SERVING");
        await WaitUntilIndexedAsync(articleIds);
        Log($"all {articleIds.Count} articles indexed");
        await AssertIndexedOnceAsync(articleIds);
        await WaitUntilQueuesDrainedAsync();
        Log($"end state holds: {articleIds.Count} articles indexed once each, every queue empty, the four services SERVING");
    }

    /// <summary>A line of the test's progress, stamped with the seconds since the pipeline was started.</summary>
    public void Log(string message) => _output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:F1} s  {message}");

    /// <summary>Every service's output, for a failure message.</summary>
    public string Describe() => string.Join('\n', Services.Select(s => s.Describe()));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        foreach (var service in Services)
        {
            await service.DisposeAsync();
        }
        if (Directory.Exists(_dataRoot))
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
    }

    private RestartableService Service(string project, IDictionary<string, string>? settings = null) =>
        new(project, VirtualHost.ToString(), Path.Combine(_dataRoot, project.ToLowerInvariant()), _broker.BusSettings.Concat(settings ?? new Dictionary<string, string>()).ToDictionary());

    private async Task WaitUntilIndexedAsync(IReadOnlyCollection<string> articleIds)
    {
        var deadline = DateTime.UtcNow + IndexedLimit;
        var progress = new IndexingProgress(articleIds);
        while (true)
        {
            // Asking for each article costs the query service a call apiece; the stories' counts tell first whether it is worth it.
            var counted = (await Client.AllStoriesAsync(Query.Address)).Sum(story => story.ArticleCount);
            if (counted < articleIds.Count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(1000);
                continue;
            }
            if (await progress.RefreshAsync(id => Client.StatusAsync(Query.Address, id)))
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                var missing = string.Join("\n", progress.Pending.Order(StringComparer.Ordinal).Take(20).Select(id =>
                    $"  {id} ({progress.StageOf(id)}); ingest said: {string.Join(" | ", Ingest.LinesMentioning(id))}"));
                throw new TimeoutException(
                    $"{progress.Pending.Count} of the {articleIds.Count} articles ingest took were not indexed within {IndexedLimit.TotalSeconds} s:\n{missing}\n" +
                    $"An article stored by ingest but never published stays \"{IndexingProgress.UnknownToQuery}\" for good. Queues now: {await QueueSummaryAsync()}\n{Describe()}");
            }
            await Task.Delay(500);
        }
    }

    /// <summary>The stories' article counts add up to the articles taken: none indexed twice, none the test did not submit.</summary>
    private async Task AssertIndexedOnceAsync(IReadOnlyCollection<string> articleIds)
    {
        var stories = await Client.AllStoriesAsync(Query.Address);
        var counted = stories.Sum(s => s.ArticleCount);
        if (counted == articleIds.Count)
        {
            return;
        }
        var placements = new List<string>();
        foreach (var story in stories)
        {
            placements.AddRange((await Client.StoryAsync(Query.Address, story.StoryId)).Articles.Select(a => a.ArticleId));
        }
        var twice = placements.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}");
        var unknown = placements.Except(articleIds);
        throw new InvalidOperationException(
            $"The {stories.Count} stories hold {counted} articles, but ingest took {articleIds.Count}. " +
            $"In more than one place: [{string.Join(", ", twice)}]; not taken by ingest: [{string.Join(", ", unknown)}].");
    }

    private async Task WaitUntilQueuesDrainedAsync()
    {
        var deadline = DateTime.UtcNow + DrainedLimit;
        while (true)
        {
            var busy = (await _broker.QueuesAsync(VirtualHost)).Where(q => !q.IsEmpty).ToList();
            if (busy.Count == 0)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                var parked = busy.Where(q => q.Name.EndsWith("_error", StringComparison.Ordinal) || q.Name.EndsWith("_skipped", StringComparison.Ordinal)).ToList();
                throw new TimeoutException(
                    $"Queues of {VirtualHost} still hold messages {DrainedLimit.TotalSeconds} s after every article was indexed: {string.Join("; ", busy)}. " +
                    (parked.Count > 0 ? $"Messages parked in {string.Join(", ", parked.Select(q => q.Name))} are faults a consumer gave up on: read their headers (MT-Fault-Message) in the management console. " : "") +
                    $"\n{Describe()}");
            }
            await Task.Delay(1000);
        }
    }

    private async Task<string> QueueSummaryAsync() => string.Join("; ", await _broker.QueuesAsync(VirtualHost));
}
