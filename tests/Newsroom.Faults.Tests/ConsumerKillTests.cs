using Newsroom.Contracts.V1;
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
        var articles = FaultArticles.Create(200, "consumer-kill");
        var feeder = new ArticleFeeder(pipeline) { BatchSize = 10, Pace = TimeSpan.FromMilliseconds(300) };

        var feeding = feeder.FeedAsync(articles, TimeSpan.FromMinutes(2));
        var kills = new[] { (pipeline.Extraction, 0.2), (pipeline.Dedup, 0.4), (pipeline.Query, 0.6) }.Select(async kill =>
        {
            var (service, share) = kill;
            await feeder.WaitForAnswersAsync((int)(articles.Count * share), feeding);
            pipeline.Log($"killing {service.Project} after {feeder.Answered} articles were answered");
            await service.KillAndRestartAsync();
            pipeline.Log($"{service.Project} SERVING again");
        });
        await Task.WhenAll([feeding, .. kills]);

        var notAccepted = articles.Select(a => feeder.Results[a.ClientRef]).Where(r => r.Outcome != SubmitArticleResult.Types.Outcome.Accepted).ToList();
        Assert.True(notAccepted.Count == 0, $"Every article is new, yet ingest answered: {string.Join("; ", notAccepted)}");
        await pipeline.AssertEveryArticleIndexedOnceAsync(feeder.TakenIds);
    }
}
