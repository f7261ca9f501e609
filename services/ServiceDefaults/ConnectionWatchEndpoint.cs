using MassTransit;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// A receive endpoint that consumes nothing, for a bus without consumers. MassTransit's bus health
/// follows its receive endpoints only, so a service that just publishes (ingest) would stay SERVING
/// while the broker is unreachable. This endpoint's temporary queue (exclusive, gone with the
/// connection) faults when the connection drops and recovers with it; MassTransit reports that as
/// "degraded", which gRPC health still calls SERVING, so <see cref="ConnectionWatchHealthCheck"/> turns it unhealthy.
/// </summary>
internal static class ConnectionWatchEndpoint
{
    /// <summary>Part of the queue's name: <c>{machine}_{process}_connection-watch_{id}</c>.</summary>
    public const string Tag = "connection-watch";

    /// <summary>True for the input address of this endpoint, as the bus's health lists it.</summary>
    public static bool Watches(string inputAddress) => inputAddress.Contains($"_{Tag}_", StringComparison.Ordinal);

    public static void Add(IRabbitMqBusFactoryConfigurator transport) =>
        transport.ReceiveEndpoint(new TemporaryEndpointDefinition(Tag), endpoint => endpoint.ConfigureConsumeTopology = false);
}
