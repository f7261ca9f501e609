using MassTransit;
using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

/// <summary>
/// The policy of the consumers on the <c>query</c> endpoint: the shared retries, and enough messages at once
/// that writes waiting their turn on SQLite share a commit (<see cref="QueryStore.MaxGroupWrites"/>).
/// </summary>
public abstract class QueryConsumerDefinition<TConsumer>() : RetryingConsumerDefinition<TConsumer>(QueryEndpoint.Name)
    where TConsumer : class, IConsumer
{
    /// <summary>Messages the endpoint takes at once; each holds little while it waits for its turn.</summary>
    public const int ConcurrentMessages = 32;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        base.ConfigureConsumer(endpointConfigurator, consumerConfigurator, context);
        endpointConfigurator.ConcurrentMessageLimit = ConcurrentMessages;
        endpointConfigurator.PrefetchCount = ConcurrentMessages;
    }
}
