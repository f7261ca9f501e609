namespace Newsroom.Testing.Broker;

/// <summary>What a pipeline of service processes needs from its broker, one node or a cluster.</summary>
public interface IPipelineBroker
{
    /// <summary>The bus settings the services need besides <c>Bus:Uri</c>, which is the virtual host's address.</summary>
    IReadOnlyDictionary<string, string> BusSettings { get; }

    /// <summary>A new virtual host with the bus topology of deploy/rabbitmq/definitions.json declared in it, as a service's <c>Bus:Uri</c>.</summary>
    Task<Uri> CreateVirtualHostAsync(string purpose);

    /// <summary>Every queue of the virtual host of <paramref name="vhostUri"/> with its message counts.</summary>
    Task<IReadOnlyList<QueueCounts>> QueuesAsync(Uri vhostUri);
}
