using System.Text;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Networks;
using Xunit;

namespace Newsroom.Testing.Broker;

/// <summary>
/// A three-node RabbitMQ cluster in containers of <c>NEWSROOM_TEST_RABBITMQ_IMAGE</c> on a Docker
/// network of their own, formed as the compose cluster profile forms it: the node names and peer
/// discovery of deploy/rabbitmq/cluster.conf and one Erlang cookie. Each node's AMQP and
/// management ports are on the host. The services connect to the first node and fail over to the
/// others (<see cref="BusSettings"/>); every queue is a quorum queue with a replica on each node.
/// Everything is removed at the end, a stopped node too.
/// </summary>
public sealed class RabbitMqCluster : IAsyncLifetime, IPipelineBroker
{
    // The rabbitmq user of both the official and the local image, which must own the cookie.
    private const uint RabbitMqUser = 999;
    private static readonly string[] HostNames = ["rabbitmq", "rabbitmq-2", "rabbitmq-3"];
    private static readonly TimeSpan FormationLimit = TimeSpan.FromSeconds(60);

    private readonly INetwork _network = new NetworkBuilder().WithName($"newsroom-cluster-{Guid.NewGuid():N}").Build();
    private readonly List<RabbitMqBroker> _nodes;
    private bool _networkCreated;

    public RabbitMqCluster()
    {
        var cookie = Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("N"));
        var config = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "deploy", "rabbitmq", "cluster.conf"));
        _nodes = HostNames.Select(host => new RabbitMqBroker(node => node
            .WithNetwork(_network)
            .WithNetworkAliases(host)
            .WithHostname(host)
            .WithResourceMapping(cookie, "/var/lib/rabbitmq/.erlang.cookie", RabbitMqUser, RabbitMqUser, UnixFileModes.UserRead)
            .WithResourceMapping(config, "/etc/rabbitmq/conf.d/20-cluster.conf", RabbitMqUser, RabbitMqUser, UnixFileModes.UserRead | UnixFileModes.GroupRead | UnixFileModes.OtherRead)))
            .ToList();
    }

    /// <summary>The nodes in the order the services try them: the first is the one they connect to.</summary>
    public IReadOnlyList<RabbitMqBroker> Nodes => _nodes;

    /// <summary>Why the cluster cannot run here; null when it can.</summary>
    public string? Unavailable { get; private set; }

    public IReadOnlyDictionary<string, string> BusSettings => new Dictionary<string, string>
    {
        ["Bus:QuorumQueues"] = "true",
        ["Bus:ClusterNodes:0"] = _nodes[1].AmqpNode,
        ["Bus:ClusterNodes:1"] = _nodes[2].AmqpNode,
    };

    public async Task InitializeAsync()
    {
        Unavailable = DockerDaemon.Missing
            ? $"{RabbitMqBroker.NoDocker} A cluster needs containers of its own; {RabbitMqBroker.UriVariable} does not stand in for it."
            : DockerDaemon.Refusal;
        if (Unavailable is not null)
        {
            return;
        }
        await _network.CreateAsync();
        _networkCreated = true;
        // The first node forms the cluster; the others, started once it runs, join it rather than racing to form their own.
        await _nodes[0].InitializeAsync();
        await Task.WhenAll(_nodes.Skip(1).Select(node => node.InitializeAsync()));
        await WaitUntilFormedAsync();
    }

    /// <summary>A new virtual host with the topology of deploy/rabbitmq/definitions.json, every queue a quorum queue.</summary>
    public Task<Uri> CreateVirtualHostAsync(string purpose) =>
        Unavailable is null ? _nodes[0].CreateVirtualHostAsync(purpose, quorumQueues: true) : throw new InvalidOperationException(Unavailable);

    /// <summary>The queues' counts from the first node that answers: a stopped node does not.</summary>
    public Task<IReadOnlyList<QueueCounts>> QueuesAsync(Uri vhostUri) => FromAnyNodeAsync(node => node.QueuesAsync(vhostUri));

    /// <summary>The queues' types and replicas from the first node that answers.</summary>
    public Task<IReadOnlyList<QueueReplicas>> QueueReplicasAsync(Uri vhostUri) => FromAnyNodeAsync(node => node.QueueReplicasAsync(vhostUri));

    /// <summary>Each node's container state and log tail, for a failure message.</summary>
    public async Task<string> DescribeNodesAsync(int lines) =>
        string.Join('\n', await Task.WhenAll(_nodes.Select(node => node.DescribeAsync(lines))));

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_nodes.Select(node => node.DisposeAsync()));
        if (_networkCreated)
        {
            await _network.DeleteAsync();
        }
        await _network.DisposeAsync();
    }

    private async Task WaitUntilFormedAsync()
    {
        var deadline = DateTime.UtcNow + FormationLimit;
        while (true)
        {
            var running = await _nodes[0].RunningNodesAsync();
            if (running.Count == _nodes.Count)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"The {_nodes.Count} RabbitMQ nodes of {RabbitMqBroker.Image} did not form one cluster within {FormationLimit.TotalSeconds} s: the first node sees [{string.Join(", ", running)}] running. " +
                    "Each node must read deploy/rabbitmq/cluster.conf from /etc/rabbitmq/conf.d and the shared cookie from /var/lib/rabbitmq/.erlang.cookie; the nodes' logs (docker logs) say why one booted alone.");
            }
            await Task.Delay(1000);
        }
    }

    private async Task<T> FromAnyNodeAsync<T>(Func<RabbitMqBroker, Task<T>> ask)
    {
        var failures = new List<string>();
        foreach (var node in _nodes)
        {
            try
            {
                return await ask(node);
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{node.AmqpNode}: {e.Message}");
            }
        }
        throw new InvalidOperationException($"No node of the cluster answered its management API: {string.Join("; ", failures)}.");
    }
}
