using MassTransit;
using Microsoft.Extensions.Options;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup;

/// <summary>
/// The <c>dedup</c> endpoint. Story decisions depend on every earlier decision, so they are made one at a
/// time in ingest's order: the endpoint takes many articles at once and <see cref="ArticleResequencer"/>
/// lets them through in turn. On RabbitMQ a quorum queue with a single active consumer lets further
/// instances wait as hot standbys instead of competing.
/// </summary>
public sealed class ArticleExtractedConsumerDefinition : RetryingConsumerDefinition<ArticleExtractedConsumer>
{
    public const string QueueName = "dedup";

    private readonly int _window;

    public ArticleExtractedConsumerDefinition(IOptions<ResequencingOptions> options)
        : base(QueueName)
    {
        ArgumentNullException.ThrowIfNull(options);
        _window = options.Value.Window;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ArticleExtractedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        ArgumentNullException.ThrowIfNull(consumerConfigurator);
        base.ConfigureConsumer(endpointConfigurator, consumerConfigurator, context);
        // Beyond the articles waiting in the window, room for a group of decisions awaiting their commit and for
        // the next article in the queue, which may be the one all the others wait for.
        var taken = _window + ArticleExtractedConsumer.MaxUncommittedDecisions + 1;
        endpointConfigurator.ConcurrentMessageLimit = taken;
        endpointConfigurator.PrefetchCount = taken;
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
            rabbit.SingleActiveConsumer = true;
        }
    }
}
