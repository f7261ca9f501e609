using Newsroom.Contracts.V1;
using Newsroom.Faults.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Faults.Tests;

/// <summary>
/// Ingest killed (SIGKILL) again and again at random moments while a client keeps submitting and
/// retrying: every article ingest answered accepted or duplicate for reaches the query side. A kill
/// between storing an article and publishing its event must not lose it.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class IngestKillTests(FaultBrokers brokers, ITestOutputHelper output)
{
    private const int Kills = 8;

    [PipelineFact]
    public async Task Killing_ingest_at_random_moments_loses_no_article_it_answered_for()
    {
        await using var pipeline = await FaultPipeline.StartAsync(brokers.Shared, "ingest-kill", output);
        var articles = FaultArticles.Create(300, "ingest-kill");
        // Small batches from several workers keep many articles between storage and publication at any moment.
        var feeder = new ArticleFeeder(pipeline) { BatchSize = 4, Workers = 6, CallTimeout = TimeSpan.FromSeconds(10) };
        var seed = Environment.TickCount;
        var random = new Random(seed);
        pipeline.Log($"kill moments drawn with seed {seed}");

        var feeding = feeder.FeedAsync(articles, TimeSpan.FromMinutes(3));
        for (var kill = 1; kill <= Kills; kill++)
        {
            await feeder.WaitForAnswersAsync(feeder.Answered + random.Next(10, 35), feeding);
            if (feeding.IsCompleted)
            {
                break;
            }
            await Task.Delay(random.Next(0, 25));
            pipeline.Log($"kill {kill}: ingest killed after {feeder.Answered} articles were answered");
            await pipeline.Ingest.KillAndRestartAsync();
        }
        await feeding;

        Assert.True(pipeline.Ingest.Runs > Kills / 2, $"The stream ended after only {pipeline.Ingest.Runs - 1} kills; feed more articles so that every kill lands mid-stream.");
        var rejected = feeder.Results.Values.Where(r => r.Outcome == SubmitArticleResult.Types.Outcome.Rejected).ToList();
        Assert.True(rejected.Count == 0, $"Good articles were rejected: {string.Join("; ", rejected)}");
        await pipeline.AssertEveryArticleIndexedOnceAsync(feeder.TakenIds);
    }
}
