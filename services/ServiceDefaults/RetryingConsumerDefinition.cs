using MassTransit;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// The consumer policy every Newsroom consumer shares: a few quick retries for passing trouble
/// (a locked database, a broker blip), then the message is parked in the endpoint's <c>_error</c>
/// queue with the exception in its headers, where an operator can read and replay it. A message
/// that is wrong in itself (<see cref="InvalidMessageException"/>) is parked at once. While a shared
/// database is unreachable (PostgreSQL restarting, a network failure) a message waits for it, for about
/// ten minutes, rather than being parked as bad.
/// </summary>
public abstract class RetryingConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected RetryingConsumerDefinition(string endpointName)
    {
        EndpointName = endpointName;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(consumerConfigurator);
        // On the consumer, not the endpoint: the query endpoint hosts three consumers, whose
        // endpoint-level retries would nest.
        consumerConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<Exception>(PostgresDatabase.IsUnavailable);
            retry.Exponential(12, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5));
        });
        consumerConfigurator.UseMessageRetry(retry =>
        {
            retry.Ignore<InvalidMessageException>();
            retry.Intervals(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        });
    }
}
