using Newsroom.Faults.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Faults.Tests;

/// <summary>Extraction, dedup and query each killed (SIGKILL) mid-stream and started again on the same data: nothing lost, nothing counted twice.</summary>
[Collection(FaultTests.Name)]
public sealed class ConsumerKillTests(FaultBrokers brokers, ITestOutputHelper output)
{
    [PipelineFact]
    public async Task Killing_each_consumer_mid_stream_loses_and_doubles_nothing()
    {
        await using var pipeline = await FaultPipeline.StartAsync(brokers.Shared, "consumer-kill", output);
        var articles = FaultArticles.Create(300, "consumer-kill");
        var feeder = new ArticleFeeder(pipeline.Client, pipeline.Ingest, output) { BatchSize = 10, Pace = TimeSpan.FromMilliseconds(300) };

        var feeding = feeder.FeedAsync(articles, TimeSpan.FromMinutes(2));
        foreach (var (service, share) in new[] { (pipeline.Extraction, 0.2), (pipeline.Dedup, 0.45), (pipeline.Query, 0.7) })
        {
            await feeder.WaitForAnswersAsync((int)(articles.Count * share), feeding);
            output.WriteLine($"killing {service.Project} after {feeder.Answered} articles were answered");
            await service.KillAndRestartAsync();
        }
        await feeding;

        Assert.All(articles, a => Assert.True(feeder.Results[a.ClientRef].Outcome == Contracts.V1.SubmitArticleResult.Types.Outcome.Accepted, $"{a.ClientRef} was answered {feeder.Results[a.ClientRef]}, not accepted"));
        await pipeline.AssertEveryArticleIndexedOnceAsync(feeder.TakenIds);
    }
}
