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
        // One more than may wait: when the window is full, the last place goes round the queue until the article all
        // the others wait for comes. Decisions awaiting their commit take places of the window meanwhile.
        var taken = _window + 1;
        endpointConfigurator.ConcurrentMessageLimit = taken;
        endpointConfigurator.PrefetchCount = taken;
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
            rabbit.SingleActiveConsumer = true;
        }
    }
}
