using System.Text;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Contracts.Events;
using Newsroom.Pipeline.Tests.Infrastructure;
using Xunit;

namespace Newsroom.Pipeline.Tests;

/// <summary>A message no consumer can read is parked where an operator sees it, and the stream flows on.</summary>
[Collection(BrokerTests.Name)]
public sealed class ErrorQueueTests(RabbitMqBroker broker)
{
    [PipelineFact]
    public async Task An_unreadable_message_is_parked_in_the_error_queue_and_later_articles_still_flow()
    {
        var vhost = await broker.CreateVirtualHostAsync("error-queue");
        await using var group = new ServiceGroup(vhost.ToString());
        var query = await group.StartAsync("Query");
        await group.StartAsync("Dedup");
        await group.StartAsync("Extraction");
        var ingest = await group.StartAsync("Ingest");

        await BrokerTopology.PublishRawAsync(vhost, "Newsroom.Contracts.Events:ArticleIngested", Encoding.UTF8.GetBytes("{ this is not json"), "application/vnd.masstransit+json");
        Assert.True(
            await BrokerTopology.WaitForMessagesAsync(vhost, "extraction_error", 1, TimeSpan.FromSeconds(60)),
            $"the unreadable message never reached extraction_error.\n{group.Describe()}");

        using var client = new PipelineClient(ingest.Address, query.Address);
        var submitted = await client.SubmitAllAsync(SyntheticArticles.Create(3, "after-error"));
        await client.WaitUntilIndexedAsync(submitted.Results.Select(r => r.ArticleId).ToList(), TimeSpan.FromSeconds(120), group.Describe);
    }

    /// <summary>
    /// Dedup decides in ingest's order, so articles wait for the ones numbered before them. One that extraction
    /// parks must not hold up the rest: with a resequencing wait far beyond the test's limit, only extraction's
    /// fault reaching dedup over the broker lets the articles after it through.
    /// </summary>
    [PipelineFact]
    public async Task An_article_extraction_parks_holds_up_none_of_those_numbered_after_it()
    {
        var vhost = await broker.CreateVirtualHostAsync("parked-gap");
        await using var group = new ServiceGroup(vhost.ToString());
        var query = await group.StartAsync("Query");
        await group.StartAsync("Dedup", new Dictionary<string, string> { ["Dedup:Resequencing:Wait"] = "00:10:00" });
        await group.StartAsync("Extraction");

        var published = DateTimeOffset.UtcNow;
        ArticleIngested Numbered(long sequence, string text) => new()
        {
            ArticleId = $"art_parked_gap_{sequence}",
            Url = string.Empty,
            Source = "test",
            Title = $"Harbour cranes, part {sequence}",
            Text = text,
            ContentHash = $"hash-{sequence}",
            IngestedAt = published,
            Sequence = sequence,
        };
        await using (var provider = new ServiceCollection()
            .AddMassTransit(bus => bus.UsingRabbitMq((_, transport) => transport.Host(vhost)))
            .BuildServiceProvider())
        {
            var control = provider.GetRequiredService<IBusControl>();
            await control.StartAsync();
            try
            {
                // Extraction parks an article without text at once (InvalidMessageException, never retried).
                await control.Publish(Numbered(1, null!));
                await control.Publish(Numbered(2, "Dock workers at the northern harbour voted on Tuesday to end a strike over crane automation."));
                await control.Publish(Numbered(3, "A shipping line said on Wednesday it would move its container traffic to the southern terminal."));
            }
            finally
            {
                await control.StopAsync();
            }
        }

        Assert.True(
            await BrokerTopology.WaitForMessagesAsync(vhost, "extraction_error", 1, TimeSpan.FromSeconds(60)),
            $"the article without text never reached extraction_error.\n{group.Describe()}");
        using var client = new PipelineClient(query.Address);
        await client.WaitUntilIndexedAsync(["art_parked_gap_2", "art_parked_gap_3"], TimeSpan.FromSeconds(90), group.Describe);
        var dedup = group.Services.Single(s => s.Name.StartsWith("dedup", StringComparison.Ordinal));
        Assert.True(dedup.LinesContaining("Extraction parked article art_parked_gap_1").Count == 1, dedup.Describe());
    }
}
