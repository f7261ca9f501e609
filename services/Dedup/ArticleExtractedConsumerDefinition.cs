using MassTransit;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup;

/// <summary>
/// The <c>dedup</c> endpoint. Story decisions depend on every earlier decision, so articles are taken
/// one at a time in queue order; on RabbitMQ a quorum queue with a single active consumer lets
/// further instances wait as hot standbys instead of competing.
/// </summary>
public sealed class ArticleExtractedConsumerDefinition : RetryingConsumerDefinition<ArticleExtractedConsumer>
{
    public const string QueueName = "dedup";

    public ArticleExtractedConsumerDefinition()
        : base(QueueName)
    {
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ArticleExtractedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        base.ConfigureConsumer(endpointConfigurator, consumerConfigurator, context);
        endpointConfigurator.ConcurrentMessageLimit = 1;
        endpointConfigurator.PrefetchCount = 1;
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
            rabbit.SingleActiveConsumer = true;
        }
    }
}
