namespace Newsroom.ServiceDefaults;

/// <summary>Which message bus a service joins: configuration section <c>Bus</c>.</summary>
public sealed class BusOptions
{
    public const string SectionName = "Bus";

    public const string InMemory = "in-memory";

    /// <summary>
    /// A RabbitMQ URI such as <c>amqp://guest:guest@rabbitmq:5672/</c>, or <c>in-memory</c> for the
    /// one-process standalone host and unit tests. On a cluster it names the node tried first, and
    /// the user, password, virtual host and heartbeat for every node.
    /// </summary>
    public string Uri { get; set; } = InMemory;

    /// <summary>
    /// The other nodes of the RabbitMQ cluster that <see cref="Uri"/> names one of, each as
    /// <c>host</c> or <c>host:port</c> (the port of <see cref="Uri"/> when left out). When the node a
    /// service is connected to stops, it reconnects to the next node in turn.
    /// </summary>
    public List<string> ClusterNodes { get; set; } = [];

    /// <summary>
    /// Every queue the services consume from, with its <c>_error</c> and <c>_skipped</c> queues, is a
    /// quorum queue, replicated over the cluster's nodes; otherwise only dedup's is. A cluster needs
    /// it: a classic queue lives on one node and is out of reach while that node is down. The
    /// broker's queues must already be of this type (<c>deploy/rabbitmq/topology.sh</c> declares them).
    /// </summary>
    public bool QuorumQueues { get; set; }

    public bool IsInMemory => string.Equals(Uri, InMemory, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The nodes a service connects to, in the order it tries them: the node of <see cref="Uri"/>,
    /// then <see cref="ClusterNodes"/> (MassTransit's cluster takes only the nodes it is given).
    /// </summary>
    public IReadOnlyList<string> ClusterNodeAddresses()
    {
        var primary = new System.Uri(Uri);
        var first = primary.IsDefaultPort || primary.Port < 0 ? primary.Host : $"{primary.Host}:{primary.Port}";
        return new[] { first }.Concat(ClusterNodes.Select(node => node.Trim())).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
