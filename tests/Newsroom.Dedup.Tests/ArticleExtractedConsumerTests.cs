using System.Diagnostics.Metrics;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;
using Newsroom.Testing;

namespace Newsroom.Dedup.Tests;

public sealed class ArticleExtractedConsumerTests
{
    [Fact]
    public async Task Consumer_publishes_each_decision_and_republishes_a_redelivery_unchanged()
    {
        await using var provider = Services();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        // Unnumbered articles are decided as they come, and the harness runs deliveries at once: each waits for the
        // one before it to be decided, so that the copy comes after its original.
        var articles = new[] { KataibStories.WireOriginal(), KataibStories.WireCopy(), KataibStories.WireOriginal() };
        for (var i = 0; i < articles.Length; i++)
        {
            await harness.Bus.Publish(articles[i]);
            Assert.True(await WaitForAsync(() => harness.Published.Select<StoryUpdated>().Count() > i), $"Article {i + 1} was not decided");
        }

        var consumer = harness.GetConsumerHarness<ArticleExtractedConsumer>();
        Assert.True(await consumer.Consumed.Any<ArticleExtracted>());
        var updates = harness.Published.Select<StoryUpdated>().Select(m => m.Context.Message).ToList();
        var originals = updates.Where(u => u.Article.Article.ArticleId == "art_wire_1").ToList();
        Assert.Equal(2, originals.Count);
        StoryClustererTests.AssertSameUpdate(originals[0], originals[1]);
        var copy = Assert.Single(updates, u => u.Article.Article.ArticleId == "art_wire_2");
        Assert.Equal((originals[0].StoryId, 2L, JoinReason.Types.Kind.NearDuplicate), (copy.StoryId, copy.Version, copy.JoinKind));
    }

    [Fact]
    public async Task A_merge_of_stories_publishes_each_member_that_moved_after_the_article_that_merged_them()
    {
        await using var provider = Services();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var flood = StoryMergeTests.Flood;
        var articles = new[] { StoryMergeTests.FloodReport(flood), StoryMergeTests.ArmyReport(flood.AddHours(6)), StoryMergeTests.BridgeReport(flood.AddDays(1)) };

        foreach (var article in articles)
        {
            var decided = harness.Published.Select<StoryUpdated>().Count();
            await harness.Bus.Publish(article);
            Assert.True(await WaitForAsync(() => harness.Published.Select<StoryUpdated>().Count() > decided), $"{article.Article.ArticleId} was not decided");
        }

        Assert.True(await WaitForAsync(() => harness.Published.Select<StoryUpdated>().Count() == 4));
        var updates = harness.Published.Select<StoryUpdated>().Select(m => m.Context.Message).ToList();
        var bridge = updates[2];
        Assert.Equal("art_bridge", bridge.Article.Article.ArticleId);
        var moved = updates[3];
        Assert.Equal((bridge.StoryId, bridge.Version + 1), (moved.StoryId, moved.Version));
        Assert.True(moved.Article.Article.ArticleId is "art_flood" or "art_army", moved.Article.Article.ArticleId);
        Assert.Single(moved.Features, f => f.Name == StoryClusterer.MergedStoryFeature);
    }

    [Fact]
    public async Task Articles_waiting_in_line_are_decided_in_order_and_committed_together()
    {
        var (articles, inOrder) = NumberedArticles(40);

        await using var provider = Services();
        using var commits = new RecordedMeasurements("newsroom.dedup.commit.decisions", provider.GetRequiredService<IMeterFactory>());
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        // All but the first arrive, newest first, and wait for it.
        foreach (var article in articles.Skip(1).Reverse())
        {
            await harness.Bus.Publish(article);
        }
        var resequencer = provider.GetRequiredService<ArticleResequencer>();
        Assert.True(await WaitForAsync(() => resequencer.Waiting == articles.Count - 1), $"{resequencer.Waiting} articles wait for the first");
        await harness.Bus.Publish(articles[0]);

        Assert.True(await WaitForAsync(() => harness.Published.Select<StoryUpdated>().Count() >= articles.Count));
        var stories = harness.Published.Select<StoryUpdated>().Select(m => m.Context.Message)
            .ToDictionary(u => u.Article.Article.ArticleId, u => u.StoryId);
        Assert.Equal(inOrder, articles.Select(a => stories[a.Article.ArticleId]));
        var sizes = commits.Values;
        Assert.Equal(articles.Count, sizes.Sum());
        Assert.True(sizes.Count <= 3, $"{articles.Count} articles in line took {sizes.Count} commits: [{string.Join(", ", sizes)}]");
    }

    [Fact]
    public async Task Articles_too_far_ahead_go_to_the_back_of_the_queue_so_the_first_can_arrive_behind_them()
    {
        var (articles, inOrder) = NumberedArticles(12);
        await using var provider = Services(window: 4);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        // The first comes last, after more articles than the window holds.
        foreach (var article in articles.Skip(1).Append(articles[0]))
        {
            await harness.Bus.Publish(article);
        }

        Assert.True(await WaitForAsync(() => harness.Published.Select<StoryUpdated>().Count() >= articles.Count));
        await Task.Delay(200);
        var updates = harness.Published.Select<StoryUpdated>().Select(m => m.Context.Message).ToList();
        Assert.Equal(articles.Count, updates.Count);
        var stories = updates.ToDictionary(u => u.Article.Article.ArticleId, u => u.StoryId);
        Assert.Equal(inOrder, articles.Select(a => stories[a.Article.ArticleId]));
        Assert.True(harness.Sent.Select<ArticleExtracted>().Any(), "No article was sent back to the queue");
    }

    /// <summary>Articles numbered from 1 in ingest's order, and the stories replay gives them.</summary>
    private static (List<ArticleExtracted> Articles, List<string> Stories) NumberedArticles(int count)
    {
        var articles = Enumerable.Range(1, count)
            .Select(n => SyntheticArticles.Create($"art_line_{n}", $"Harbour crane number {n % 7} collapses", $"Crane {n % 7} fell at the harbour, number {n}."))
            .Select((article, i) => article with { Article = article.Article with { Sequence = i + 1 } })
            .ToList();
        var expected = new StoryClusterer(new StoryStore(SqliteDatabase.InMemory()));
        return (articles, articles.Select(a => expected.Assign(a, SyntheticArticles.Ingested).StoryId).ToList());
    }

    /// <summary>Dedup's consumer on the test harness, with a store in memory.</summary>
    private static ServiceProvider Services(int window = 128) =>
        new ServiceCollection()
            .AddSingleton(new StoryClusterer(new StoryStore(SqliteDatabase.InMemory())))
            .AddPipelineMetrics()
            .Configure<ResequencingOptions>(o => o.Window = window)
            .AddSingleton<ArticleResequencer>()
            .AddLogging()
            .AddMassTransitTestHarness(bus => bus.AddConsumer<ArticleExtractedConsumer, ArticleExtractedConsumerDefinition>())
            .BuildServiceProvider(validateScopes: true);

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
