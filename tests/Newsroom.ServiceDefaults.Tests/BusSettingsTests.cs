using Microsoft.Extensions.Logging;
using Xunit;

namespace Newsroom.ServiceDefaults.Tests;

/// <summary>The <c>Bus</c> section: a RabbitMQ cluster's nodes in the order a service tries them, and settings that cannot work refused by name.</summary>
public sealed class BusSettingsTests
{
    private const string Broker = "amqp://svc:secret@rabbitmq:5672/";

    [Fact]
    public void A_service_tries_the_node_of_the_bus_uri_first_then_each_cluster_node_once()
    {
        var options = new BusOptions { Uri = Broker, ClusterNodes = ["rabbitmq-2", " rabbitmq-3:5673 ", "RABBITMQ:5672"] };

        Assert.Equal(["rabbitmq:5672", "rabbitmq-2", "rabbitmq-3:5673"], options.ClusterNodeAddresses());
    }

    [Fact]
    public void A_bus_uri_without_a_port_leaves_the_port_to_the_transport()
    {
        var options = new BusOptions { Uri = "amqp://svc:secret@rabbitmq/", ClusterNodes = ["rabbitmq-2"] };

        Assert.Equal(["rabbitmq", "rabbitmq-2"], options.ClusterNodeAddresses());
    }

    [Theory]
    [InlineData("rabbitmq:5672", null, null, "Bus:Uri is not a RabbitMQ URI")]
    [InlineData("amqp//svc:secret@rabbitmq:5672/", null, null, "Bus:Uri is not a RabbitMQ URI")]
    [InlineData("http://rabbitmq:15672/", null, null, "Bus:Uri is not a RabbitMQ URI")]
    [InlineData(Broker, "amqp://rabbitmq-2:5672/", "true", "Bus:ClusterNodes:0 is 'amqp://rabbitmq-2:5672/'; give a node's host name or host:port")]
    [InlineData(Broker, "rabbitmq-2:99999", "true", "Bus:ClusterNodes:0 is 'rabbitmq-2:99999'")]
    [InlineData(Broker, "rabbitmq-2", null, "Bus:ClusterNodes lists a cluster, but Bus:QuorumQueues is false")]
    [InlineData(BusOptions.InMemory, "rabbitmq-2", "true", "Bus:ClusterNodes is set, but Bus:Uri is in-memory")]
    public async Task A_service_with_bus_settings_that_cannot_work_exits_naming_the_setting(string uri, string? node, string? quorum, string reason)
    {
        var log = new RecordedLog();
        var settings = new Dictionary<string, string?> { ["Bus:Uri"] = uri, ["Bus:ClusterNodes:0"] = node, ["Bus:QuorumQueues"] = quorum };
        await using var app = ServiceDefaultsHost.Build(settings, log);

        Assert.Equal(ServiceRunner.InvalidSettings, await app.RunServiceAsync());

        var refusal = Assert.Single(log.Entries, entry => entry.Level == LogLevel.Critical);
        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
        // The log must not carry the broker password that Bus:Uri holds.
        Assert.DoesNotContain("secret", refusal.Message, StringComparison.Ordinal);
    }
}
