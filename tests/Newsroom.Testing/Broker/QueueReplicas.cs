namespace Newsroom.Testing.Broker;

/// <summary>
/// One queue of a virtual host as the management API describes it: classic or quorum, a quorum queue's replicas,
/// and, once a node is lost, which of them is leader and which are online (what a failed fault test needs to show).
/// </summary>
public sealed record QueueReplicas(string Name, string Type, IReadOnlyList<string> Members, string? Leader = null, IReadOnlyList<string>? Online = null)
{
    public const string Quorum = "quorum";

    public override string ToString() =>
        $"{Name}: {Type}, on [{string.Join(", ", Members)}]"
        + (Leader is null ? string.Empty : $", leader {Leader}")
        + (Online is null ? string.Empty : $", online [{string.Join(", ", Online)}]");
}
