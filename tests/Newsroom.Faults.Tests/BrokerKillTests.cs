using Newsroom.Faults.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Faults.Tests;

/// <summary>The broker killed mid-stream and started again: the services reconnect by themselves and nothing is lost or counted twice.</summary>
[Collection(FaultTests.Name)]
public sealed class BrokerKillTests(FaultBrokers brokers, ITestOutputHelper output)
{
    // Long enough for every service to notice and for submissions to fail against a dead broker.
    private static readonly TimeSpan Downtime = TimeSpan.FromSeconds(5);

    [PipelineFact]
    public async Task Killing_the_broker_mid_stream_loses_and_doubles_nothing()
    {
        var broker = brokers.ForKilling;
        await using var pipeline = await FaultPipeline.StartAsync(broker, "broker-kill", output);
        var articles = FaultArticles.Create(150, "broker-kill");
        var feeder = new ArticleFeeder(pipeline) { BatchSize = 10, Workers = 2, Pace = TimeSpan.FromMilliseconds(200), CallTimeout = TimeSpan.FromSeconds(5) };

        var feeding = feeder.FeedAsync(articles, TimeSpan.FromMinutes(3));
        await feeder.WaitForAnswersAsync(articles.Count / 4, feeding);
        pipeline.Log($"killing the broker after {feeder.Answered} articles were answered");
        await broker.KillAsync();
        await Task.Delay(Downtime);
        await broker.StartAgainAsync();
        pipeline.Log($"broker back after {feeder.FailedCalls} failed calls; {feeder.Answered} articles answered");
        await feeding;

        Assert.True(feeder.FailedCalls > 0, "No submission failed while the broker was down: the kill did not land mid-stream.");
        await pipeline.AssertEveryArticleIndexedOnceAsync(feeder.TakenIds);
    }
}
