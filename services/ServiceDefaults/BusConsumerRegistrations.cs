using MassTransit;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// The consumers the services of one host add before <see cref="ServiceDefaultsExtensions.AddServiceDefaults"/>
/// creates the bus, so that the standalone host can compose all four services on one bus.
/// </summary>
internal sealed class BusConsumerRegistrations
{
    public List<Action<IBusRegistrationConfigurator>> Registrations { get; } = [];

    public bool BusAdded { get; set; }
}
