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
    public async Task The_standalone_host_ingests_its_samples_so_that_the_cli_can_search_at_once()
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
}
