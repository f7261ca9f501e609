namespace Newsroom.Testing.Broker;

/// <summary>One queue of a virtual host as the management API describes it: classic or quorum, and a quorum queue's replicas.</summary>
public sealed record QueueReplicas(string Name, string Type, IReadOnlyList<string> Members)
{
    public const string Quorum = "quorum";

    public override string ToString() => $"{Name}: {Type}, on [{string.Join(", ", Members)}]";
}
