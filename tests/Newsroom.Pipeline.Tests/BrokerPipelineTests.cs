using Newsroom.Contracts.V1;
using Newsroom.Pipeline.Tests.Infrastructure;
using Newsroom.Pipeline.Tests.Otlp;
using Xunit;

namespace Newsroom.Pipeline.Tests;

/// <summary>The four services as separate processes on a real RabbitMQ node.</summary>
[Collection(BrokerTests.Name)]
public sealed class BrokerPipelineTests(RabbitMqBroker broker)
{
    private static readonly TimeSpan IndexLimit = TimeSpan.FromSeconds(180);
    private static readonly string[] IngestSpans = ["ingest article", "outbox publish"];
    private static readonly string[] ConsumingServices = ["newsroom-extraction", "newsroom-dedup", "newsroom-query"];

    [PipelineFact(needsCorpus: true)]
    public async Task The_seed_articles_become_four_stories_across_separate_services()
    {
        await using var group = new ServiceGroup((await VirtualHostAsync("seeds")).ToString());
        var (ingest, query) = await StartPipelineAsync(group);
        using var client = new PipelineClient(ingest.Address, query.Address);

        await SeedAcceptance.RunAsync(client, group.Describe);
    }

    [PipelineFact]
    public async Task Articles_ingested_before_the_other_services_start_all_reach_query()
    {
        await using var group = new ServiceGroup((await VirtualHostAsync("startup-order")).ToString());
        var ingest = await group.StartAsync("Ingest");
        using var submitter = new PipelineClient(ingest.Address);
        var submitted = await submitter.SubmitAllAsync(SyntheticArticles.Create(100, "early"));
        Assert.Equal(100, submitted.AcceptedCount);

        await group.StartAsync("Extraction");
        await group.StartAsync("Dedup");
        var query = await group.StartAsync("Query");
        using var client = new PipelineClient(ingest.Address, query.Address);

        await client.WaitUntilIndexedAsync(submitted.Results.Select(r => r.ArticleId).ToList(), IndexLimit, group.Describe);
    }

    [PipelineFact]
    public async Task Three_extraction_processes_share_one_queue_and_extract_each_article_once()
    {
        await using var group = new ServiceGroup((await VirtualHostAsync("scale-out")).ToString());
        var extractors = new List<ServiceProcess>();
        for (var i = 0; i < 3; i++)
        {
            extractors.Add(await group.StartAsync("Extraction"));
        }
        var (ingest, query) = await StartPipelineAsync(group, startExtraction: false);
        using var client = new PipelineClient(ingest.Address, query.Address);

        var submitted = await client.SubmitAllAsync(SyntheticArticles.Create(60, "scale"));
        var ids = submitted.Results.Select(r => r.ArticleId).ToList();
        await client.WaitUntilIndexedAsync(ids, IndexLimit, group.Describe);

        foreach (var id in ids)
        {
            var handledBy = extractors.Select(e => e.LinesContaining(id).Count).ToList();
            Assert.True(handledBy.Sum() == 1, $"{id} was extracted {handledBy.Sum()} times ({string.Join(", ", handledBy)}).\n{group.Describe()}");
        }
        foreach (var extractor in extractors)
        {
            Assert.True(ids.Any(id => extractor.LinesContaining(id).Count > 0), $"{extractor.Name} got no work.\n{extractor.Describe()}");
        }
    }

    [PipelineFact]
    public async Task Bench_at_a_steady_rate_finds_every_article_queryable_through_the_four_services()
    {
        await using var group = new ServiceGroup((await VirtualHostAsync("bench")).ToString());
        var (ingest, query) = await StartPipelineAsync(group);

        var (exitCode, output) = await CliProcess.RunAsync(
            "bench", "--articles", "150", "--rate", "50", "--seed", "7", "--json", "--server", query.Address.ToString(), "--ingest", ingest.Address.ToString());

        Assert.True(exitCode == 0, output + "\n" + group.Describe());
        var report = CliProcess.JsonLine(output).GetProperty("report");
        Assert.Equal(150, report.GetProperty("accepted").GetInt32());
        Assert.Equal(150, report.GetProperty("queryable").GetInt32());
        Assert.True(report.GetProperty("latency").GetProperty("p99").GetDouble() > 0);
    }

    /// <summary>
    /// ECB+ dev (496 real articles in 42 events, many of them look-alikes) through the four services twice, once
    /// with three extraction processes that finish articles out of order: dedup decides in ingest's order both
    /// times, so both runs give the same stories, and the same as `newsroom replay` of the same file.
    /// </summary>
    [PipelineFact(needsCorpus: true)]
    public async Task The_same_input_gives_the_same_stories_run_after_run_and_as_replay_gives_them()
    {
        var requests = CorpusRequests.EcbPlusDev();
        var inOrder = await StoriesThroughThePipelineAsync("same-input-1x", requests, extractors: 1);
        // ECB+ holds a few exact copies, which ingest answers as duplicates; replay has no such store, so it gets the articles ingest took.
        var accepted = requests.Where(r => inOrder.ContainsKey(r.ClientRef)).ToList();
        // A window far smaller than extraction's reordering sends most articles round the queue again.
        var reordered = await StoriesThroughThePipelineAsync("same-input-3x", accepted, extractors: 3, dedupWindow: 8);
        var replayed = await StoryGroups.ReplayAsync(accepted);

        Assert.InRange(accepted.Count, requests.Count - 20, requests.Count);
        Assert.Equal(StoryGroups.Of(inOrder), StoryGroups.Of(reordered));
        Assert.Equal(StoryGroups.Of(replayed), StoryGroups.Of(inOrder));
    }

    /// <summary>Each accepted article's story (by client ref) after the requests went through a fresh deployment.</summary>
    private async Task<Dictionary<string, string>> StoriesThroughThePipelineAsync(string purpose, List<SubmitArticleRequest> requests, int extractors, int? dedupWindow = null)
    {
        await using var group = new ServiceGroup((await VirtualHostAsync(purpose)).ToString());
        for (var i = 0; i < extractors; i++)
        {
            await group.StartAsync("Extraction");
        }
        var dedupSettings = dedupWindow is { } window ? new Dictionary<string, string> { ["Dedup:Resequencing:Window"] = $"{window}" } : null;
        var (ingest, query) = await StartPipelineAsync(group, startExtraction: false, dedupSettings);
        using var client = new PipelineClient(ingest.Address, query.Address);
        var submitted = await client.SubmitAllAsync(requests);
        Assert.Equal(0, submitted.RejectedCount);
        var accepted = submitted.Results.Where(r => r.Outcome == SubmitArticleResult.Types.Outcome.Accepted).ToList();
        await client.WaitUntilIndexedAsync(accepted.Select(r => r.ArticleId).ToList(), IndexLimit, group.Describe);
        // Order, and so the stories, holds only while no gap is passed over: say so rather than fail on a story later.
        var dedup = group.Services.Single(s => s.Name.StartsWith("dedup", StringComparison.Ordinal));
        Assert.True(dedup.LinesContaining("were not decided within").Count == 0, $"Dedup passed over a gap, so it did not decide in ingest's order.\n{dedup.Describe()}");
        Assert.True(dedupWindow is null || dedup.LinesContaining("go to the back of the queue").Count > 0, $"No article went beyond dedup's window of {dedupWindow}.\n{dedup.Describe()}");
        return await client.StoriesOfAsync(accepted);
    }

    [PipelineFact]
    public async Task One_trace_follows_an_article_from_the_ingest_call_over_every_bus_hop_to_the_query_index()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var group = new ServiceGroup((await VirtualHostAsync("tracing")).ToString(), collector.ExporterSettings);
        var (ingest, query) = await StartPipelineAsync(group);
        using var client = new PipelineClient(ingest.Address, query.Address);

        var articles = SyntheticArticles.Create(3, "traced");
        var accepted = await client.SubmitAsync(articles[0]);
        var streamed = (await client.SubmitAllAsync(articles.Skip(1))).Results.Select(r => r.ArticleId).ToList();
        await client.WaitUntilIndexedAsync([accepted.ArticleId, .. streamed], IndexLimit, group.Describe);
        var traceId = (await client.StatusAsync(accepted.ArticleId)).TraceId;
        Assert.Matches("^[0-9a-f]{32}$", traceId);

        var trace = await WholeTraceAsync(collector, traceId, accepted.ArticleId, group.Describe);
        var root = Assert.Single(trace, span => span.IsRoot);
        Assert.True(root is { Service: "newsroom-ingest", Kind: SpanKind.Server }, $"The trace starts at {root}, not at ingest's gRPC call.\n{string.Join('\n', trace)}");
        // The index's span hangs from dedup's, which hangs from extraction's, which hangs from ingest's.
        var byId = trace.ToDictionary(span => span.SpanId);
        var indexing = trace.Single(span => span.Service == "newsroom-query" && span.Tag("newsroom.article_id") == accepted.ArticleId);
        var path = new List<string>();
        for (var span = indexing; span is not null; span = span.IsRoot ? null : byId[span.ParentSpanId])
        {
            if (path.LastOrDefault() != span.Service)
            {
                path.Add(span.Service);
            }
        }
        Assert.Equal(["newsroom-query", "newsroom-dedup", "newsroom-extraction", "newsroom-ingest"], path);

        // Each item of a stream has a trace of its own, linked to the call.
        var streamedTraces = new HashSet<string>();
        foreach (var id in streamed)
        {
            var streamedTrace = (await client.StatusAsync(id)).TraceId;
            var start = Assert.Single(await WholeTraceAsync(collector, streamedTrace, id, group.Describe), span => span.IsRoot);
            var call = collector.Span(Assert.Single(start.LinkedSpanIds));
            Assert.True(start.Name == "submitted item" && call is { Kind: SpanKind.Server } && call.Name.EndsWith("/SubmitArticles", StringComparison.Ordinal), $"{id} starts at {start}, linked to {call}.");
            streamedTraces.Add(streamedTrace);
        }
        Assert.Equal(streamed.Count, streamedTraces.Count);
        Assert.DoesNotContain(traceId, streamedTraces);
        Assert.True(collector.Exports("metrics") > 0 && collector.Exports("logs") > 0, $"Metrics ({collector.Exports("metrics")}) or logs ({collector.Exports("logs")}) were not exported.");
    }

    /// <summary>
    /// Waits until the trace holds ingest's spans for the article, a span of it in each of the other
    /// three services, and the parent of every span but one; fails naming what is missing.
    /// </summary>
    private static async Task<IReadOnlyList<CollectedSpan>> WholeTraceAsync(OtlpCollector collector, string traceId, string articleId, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var trace = collector.SpansOf(traceId);
            var ids = trace.Select(span => span.SpanId).ToHashSet();
            var missing = new List<string>();
            missing.AddRange(IngestSpans
                .Where(name => !trace.Any(span => span.Service == "newsroom-ingest" && span.Name == name && span.Tag("newsroom.article_id") == articleId))
                .Select(name => $"ingest's '{name}' span"));
            missing.AddRange(ConsumingServices
                .Where(service => !trace.Any(span => span.Service == service && span.Tag("newsroom.article_id") == articleId))
                .Select(service => $"a span of {service} for the article"));
            missing.AddRange(trace.Where(span => !span.IsRoot && !ids.Contains(span.ParentSpanId)).Select(span => $"the parent of {span}"));
            if (missing.Count == 0)
            {
                return trace;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Trace {traceId} of {articleId} is incomplete after 30 s; missing {string.Join("; ", missing)}.\nSpans:\n{string.Join('\n', trace)}\n{diagnostics()}");
            }
            await Task.Delay(200);
        }
    }

    private async Task<Uri> VirtualHostAsync(string purpose)
    {
        Assert.True(broker.Unavailable is null, broker.Unavailable);
        return await broker.CreateVirtualHostAsync(purpose);
    }

    private static async Task<(ServiceProcess Ingest, ServiceProcess Query)> StartPipelineAsync(
        ServiceGroup group, bool startExtraction = true, IDictionary<string, string>? dedupSettings = null)
    {
        var query = await group.StartAsync("Query");
        await group.StartAsync("Dedup", dedupSettings);
        if (startExtraction)
        {
            await group.StartAsync("Extraction");
        }
        var ingest = await group.StartAsync("Ingest");
        return (ingest, query);
    }
}
