using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup.Tests;

public sealed class ArticleExtractedConsumerTests
{
    [Fact]
    public async Task Consumer_publishes_each_decision_and_republishes_a_redelivery_unchanged()
    {
        await using var provider = new ServiceCollection()
            .AddSingleton(new StoryClusterer(new StoryStore(SqliteDatabase.InMemory())))
            .AddPipelineMetrics()
            .Configure<ResequencingOptions>(_ => { })
            .AddSingleton<ArticleResequencer>()
            .AddLogging()
            .AddMassTransitTestHarness(bus => bus.AddConsumer<ArticleExtractedConsumer, ArticleExtractedConsumerDefinition>())
            .BuildServiceProvider(validateScopes: true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(KataibStories.WireOriginal());
        await harness.Bus.Publish(KataibStories.WireCopy());
        await harness.Bus.Publish(KataibStories.WireOriginal());

        var consumer = harness.GetConsumerHarness<ArticleExtractedConsumer>();
        Assert.True(await WaitForAsync(() => harness.Published.Select<StoryUpdated>().Count() >= 3));
        Assert.True(await consumer.Consumed.Any<ArticleExtracted>());
        var updates = harness.Published.Select<StoryUpdated>().Select(m => m.Context.Message).ToList();
        var originals = updates.Where(u => u.Article.Article.ArticleId == "art_wire_1").ToList();
        Assert.Equal(2, originals.Count);
        StoryClustererTests.AssertSameUpdate(originals[0], originals[1]);
        var copy = Assert.Single(updates, u => u.Article.Article.ArticleId == "art_wire_2");
        Assert.Equal((originals[0].StoryId, 2L, JoinReason.Types.Kind.NearDuplicate), (copy.StoryId, copy.Version, copy.JoinKind));
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (condition())
            {
                return true;
            }
            await Task.Delay(50);
        }
        return condition();
    }
}
