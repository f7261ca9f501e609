using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Contracts.Events;
using Newsroom.ServiceDefaults;

namespace Newsroom.Extraction.Tests;

public sealed class ArticleIngestedConsumerTests
{
    private static ServiceProvider HarnessProvider()
    {
        var provider = new ServiceCollection()
            .AddSingleton<ArticleExtractor>()
            .AddPipelineMetrics()
            .AddLogging()
            .AddMassTransitTestHarness(x => x.AddConsumer<ArticleIngestedConsumer, ArticleIngestedConsumerDefinition>())
            .BuildServiceProvider(true);
        // The extractor loads the tagger's model, which takes seconds on a busy machine: load it before the harness starts,
        // whose waits end after a spell without messages (CI once saw no consumption of a message the consumer was still being built for).
        provider.GetRequiredService<ArticleExtractor>();
        return provider;
    }

    [Fact]
    public async Task An_ingested_article_is_published_as_extracted()
    {
        await using var provider = HarnessProvider();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        try
        {
            await harness.Bus.Publish(new ArticleIngested
            {
                ArticleId = "art-1",
                Url = "https://example.org/a",
                Source = "Example",
                Title = "Zentria Liberation Front suspends attacks on Lorania forces",
                Text = "The Zentria Liberation Front said in Lorania on Monday that it suspended its attacks.",
                Published = new DateTimeOffset(2024, 1, 31, 9, 0, 0, TimeSpan.Zero),
                ContentHash = "h1",
                IngestedAt = DateTimeOffset.UtcNow,
            });

            Assert.True(await harness.Consumed.Any<ArticleIngested>());
            var published = harness.Published.Select<ArticleExtracted>().FirstOrDefault();
            Assert.NotNull(published);
            var extracted = published.Context.Message;
            Assert.Equal("art-1", extracted.Article.ArticleId);
            Assert.Contains(extracted.Entities, e => e.Text == "Zentria Liberation Front");
            Assert.Equal(new DateOnly(2024, 1, 29), extracted.Dates.Single(d => d.Text == "Monday").Date);
            Assert.Equal(Newsroom.Contracts.V1.EventAction.Suspend, extracted.LeadEvent?.Action);
            Assert.Equal(DayOfWeek.Monday, extracted.LeadWeekday);
        }
        finally
        {
            await harness.Stop();
        }
    }

    [Fact]
    public async Task An_article_without_an_id_is_rejected_without_publishing()
    {
        await using var provider = HarnessProvider();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        try
        {
            await harness.Bus.Publish(new ArticleIngested
            {
                ArticleId = " ",
                Url = string.Empty,
                Source = string.Empty,
                Title = "t",
                Text = "x",
                ContentHash = "h",
                IngestedAt = DateTimeOffset.UtcNow,
            });

            Assert.True(await harness.Consumed.Any<ArticleIngested>(m => m.Exception is not null));
            Assert.False(await harness.Published.Any<ArticleExtracted>());
        }
        finally
        {
            await harness.Stop();
        }
    }
}
