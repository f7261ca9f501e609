using System.Text;
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
}
