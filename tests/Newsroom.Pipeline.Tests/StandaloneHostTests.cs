using System.Diagnostics;
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

        var (exitCode, output) = await RunCliAsync("search", "suspension", "--server", host.Address.ToString());
        Assert.True(exitCode == 0, output);
        Assert.Contains("suspen", output, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(int ExitCode, string Output)> RunCliAsync(params string[] arguments)
    {
        var cli = Path.Combine(RepositoryPaths.Root, "tools", "Newsroom.Cli", "bin", ServiceProcess.BuildConfiguration, "net10.0", "newsroom.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
