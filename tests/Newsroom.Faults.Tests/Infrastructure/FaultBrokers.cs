using Xunit;

namespace Newsroom.Faults.Tests.Infrastructure;

/// <summary>
/// Two RabbitMQ containers, started side by side: one whose virtual hosts the scenarios share
/// (one each), and one that only the broker-kill scenario uses, so that a broker that does not
/// come back cannot fail the other scenarios.
/// </summary>
public sealed class FaultBrokers : IAsyncLifetime
{
    public RabbitMqBroker Shared { get; } = new();

    public RabbitMqBroker ForKilling { get; } = new();

    public Task InitializeAsync() => Task.WhenAll(Shared.InitializeAsync(), ForKilling.InitializeAsync());

    public Task DisposeAsync() => Task.WhenAll(Shared.DisposeAsync(), ForKilling.DisposeAsync());
}
