using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Contracts.Events;
using Newsroom.Pipeline.Tests.Infrastructure;
using Xunit;

namespace Newsroom.Pipeline.Tests;

/// <summary>deploy/rabbitmq/definitions.json declares the topology the services use, before any of them starts.</summary>
[Collection(BrokerTests.Name)]
public sealed class BusTopologyTests(RabbitMqBroker broker)
{
    [PipelineFact]
    public async Task Events_published_before_any_consumer_started_wait_in_every_subscriber_queue()
    {
        Assert.True(broker.Unavailable is null, broker.Unavailable);
        var vhost = await broker.CreateVirtualHostAsync("topology");

        await using var provider = new ServiceCollection()
            .AddMassTransit(bus => bus.UsingRabbitMq((_, transport) => transport.Host(vhost)))
            .BuildServiceProvider();
        var control = provider.GetRequiredService<IBusControl>();
        await control.StartAsync();
        try
        {
            await control.Publish(new ArticleIngested
            {
                ArticleId = "art_topology",
                Url = string.Empty,
                Source = "test",
                Title = "A title",
                Text = "A text.",
                ContentHash = "hash",
                IngestedAt = DateTimeOffset.UtcNow,
            });
        }
        finally
        {
            await control.StopAsync();
        }

        Assert.Equal(1u, await BrokerTopology.MessageCountAsync(vhost, "extraction"));
        Assert.Equal(1u, await BrokerTopology.MessageCountAsync(vhost, "query"));
        Assert.Equal(0u, await BrokerTopology.MessageCountAsync(vhost, "dedup"));
    }
}
