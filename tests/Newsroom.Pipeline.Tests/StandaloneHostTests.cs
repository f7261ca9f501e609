using Newsroom.Pipeline.Tests.Infrastructure;
using Xunit;

namespace Newsroom.Pipeline.Tests;

/// <summary>The four services in one process on the in-memory bus: what a newcomer runs first.</summary>
public sealed class StandaloneHostTests
{
    private static string SampleFolder => Path.Combine(RepositoryPaths.Root, "services", "Standalone", "SampleArticles");

    [PipelineFact(needsBroker: false, needsCorpus: true)]
    public async Task The_seed_articles_become_four_stories_on_the_standalone_host()
    {
        var emptyInbox = Directory.CreateTempSubdirectory("newsroom-empty-inbox-").FullName;
        try
        {
            await using var group = new ServiceGroup("in-memory");
            var host = await group.StartAsync("Standalone", new Dictionary<string, string> { ["Ingest:Sources:0:Path"] = emptyInbox });
            using var client = new PipelineClient(host.Address);

            await SeedAcceptance.RunAsync(client, group.Describe);
        }
        finally
        {
            Directory.Delete(emptyInbox, recursive: true);
        }
    }

    [PipelineFact(needsBroker: false)]
    public async Task The_standalone_host_ingests_its_samples_so_that_the_cli_can_search_and_bench_search_at_once()
    {
        var sampleCount = Directory.GetFiles(SampleFolder).Count(f => !f.EndsWith(".md", StringComparison.Ordinal));
        await using var group = new ServiceGroup("in-memory");
        var host = await group.StartAsync("Standalone");
        using var client = new PipelineClient(host.Address);

        var deadline = DateTime.UtcNow.AddSeconds(120);
        while ((await client.AllStoriesAsync()).Sum(s => s.ArticleCount) < sampleCount)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the {sampleCount} samples were not all indexed within 120 s.\n{group.Describe()}");
            await Task.Delay(300);
        }

        var (exitCode, output) = await CliProcess.RunAsync("search", "suspension", "--server", host.Address.ToString());
        Assert.True(exitCode == 0, output);
        Assert.Contains("suspen", output, StringComparison.OrdinalIgnoreCase);

        // A search load takes its words from the stories' titles.
        (exitCode, output) = await CliProcess.RunAsync("bench", "search", "--searches", "50", "--seed", "5", "--json", "--server", host.Address.ToString());
        Assert.True(exitCode == 0, output);
        var report = CliProcess.JsonLine(output).GetProperty("report");
        Assert.Equal(50, report.GetProperty("searches").GetInt32());
        Assert.Equal(0, report.GetProperty("failed").GetInt32());
        // Every word is a title's; two words of different titles may find nothing together.
        Assert.True(report.GetProperty("with_hits").GetInt32() >= 25, output);
    }

    [PipelineFact(needsBroker: false)]
    public async Task The_metrics_endpoint_counts_every_article_through_every_stage_for_prometheus()
    {
        var http = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        await using var group = new ServiceGroup("in-memory");
        var host = await group.StartAsync("Standalone", new Dictionary<string, string> { ["Http:Url"] = http.ToString() });
        using var client = new PipelineClient(host.Address);
        using var scraper = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var submitted = await client.SubmitAllAsync(SyntheticArticles.Create(30, "metrics"));
        await client.WaitUntilIndexedAsync(submitted.Results.Select(r => r.ArticleId).ToList(), TimeSpan.FromSeconds(120), group.Describe);

        // The samples folder is ingested too, at start; wait until every accepted article is counted indexed.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        PrometheusScrape metrics;
        double ingested;
        while (true)
        {
            metrics = await PrometheusScrape.ReadAsync(scraper, new Uri(http, "/metrics"));
            ingested = metrics.Sum("newsroom_ingest_submissions_total", "outcome=accepted");
            if (ingested >= 30 && metrics.Sum("newsroom_articles_total", "stage=indexed") == ingested)
            {
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, $"/metrics did not count every accepted article indexed within 60 s:\n{metrics.Text}\n{group.Describe()}");
            await Task.Delay(300);
        }

        foreach (var stage in new[] { "ingested", "extracted", "clustered", "indexed" })
        {
            Assert.True(metrics.Sum("newsroom_articles_total", $"stage={stage}") == ingested, $"{stage}: {metrics.Sum("newsroom_articles_total", $"stage={stage}")} of {ingested}\n{metrics.Text}");
            Assert.Equal(ingested, metrics.Sum("newsroom_article_lag_seconds_count", $"stage={stage}"));
        }
        Assert.Equal(ingested, metrics.Sum("newsroom_dedup_decisions_total"));
        Assert.True(metrics.Sum("newsroom_dedup_decisions_total", "join=first_article") > 0, metrics.Text);
        Assert.Equal(0, metrics.Sum("newsroom_backlog", "where=ingest_outbox"));
        Assert.True(metrics.Has("messaging_masstransit_consume_duration_milliseconds_count"), "MassTransit's consume metrics are missing.\n" + metrics.Text);
        Assert.True(metrics.Sum("http_server_request_duration_seconds_count", "http_route=/newsroom.v1.IngestService/SubmitArticles") >= 1, "The gRPC call's request duration is missing.\n" + metrics.Text);
    }

    [PipelineFact(needsBroker: false)]
    public async Task Bench_drives_synthetic_news_through_the_standalone_host_and_finds_every_article_queryable()
    {
        await using var group = new ServiceGroup("in-memory");
        var host = await group.StartAsync("Standalone");

        var (exitCode, output) = await CliProcess.RunAsync("bench", "--articles", "80", "--rate", "40", "--seed", "4", "--json", "--server", host.Address.ToString());

        Assert.True(exitCode == 0, output + "\n" + group.Describe());
        var report = CliProcess.JsonLine(output).GetProperty("report");
        Assert.Equal(80, report.GetProperty("accepted").GetInt32());
        Assert.Equal(80, report.GetProperty("queryable").GetInt32());
        Assert.Empty(report.GetProperty("missing").EnumerateArray());
        // Reports of one event join one story: fewer stories than articles, more than one.
        Assert.InRange(report.GetProperty("stories").GetInt32(), 2, 79);
        Assert.True(report.GetProperty("latency").GetProperty("p50").GetDouble() > 0);
        Assert.Equal(["ingested", "extracted", "clustered", "indexed"], report.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
    }

    [PipelineFact(needsBroker: false)]
    public async Task Bench_goes_on_when_the_server_drops_its_watch_and_still_finds_every_article()
    {
        await using var group = new ServiceGroup("in-memory");
        // A watch one update long falls behind at the first burst of stories.
        var host = await group.StartAsync("Standalone", new Dictionary<string, string> { ["Query:Watch:Buffer"] = "1" });

        var (exitCode, output) = await CliProcess.RunAsync("bench", "--articles", "120", "--seed", "9", "--json", "--server", host.Address.ToString());

        Assert.True(exitCode == 0, output + "\n" + group.Describe());
        var report = CliProcess.JsonLine(output).GetProperty("report");
        Assert.Equal(120, report.GetProperty("queryable").GetInt32());
        Assert.Empty(report.GetProperty("missing").EnumerateArray());
    }
}
