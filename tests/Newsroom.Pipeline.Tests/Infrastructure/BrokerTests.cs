using Xunit;

namespace Newsroom.Pipeline.Tests.Infrastructure;

/// <summary>The tests that share one RabbitMQ container; each still gets a virtual host of its own.</summary>
[CollectionDefinition(Name)]
public sealed class BrokerTests : ICollectionFixture<RabbitMqBroker>
{
    public const string Name = "RabbitMQ";
}
