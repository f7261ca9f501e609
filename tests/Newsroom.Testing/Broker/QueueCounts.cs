namespace Newsroom.Testing.Broker;

/// <summary>One queue of a virtual host as the management API counts it: ready and unacknowledged messages.</summary>
public sealed record QueueCounts(string Name, long Ready, long Unacknowledged)
{
    public bool IsEmpty => Ready == 0 && Unacknowledged == 0;

    public override string ToString() => $"{Name}: {Ready} ready, {Unacknowledged} unacknowledged";
}
