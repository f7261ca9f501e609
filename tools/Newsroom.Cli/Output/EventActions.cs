using Newsroom.Contracts.V1;

namespace Newsroom.Cli.Output;

/// <summary>Event classes by their short lower-case names (suspend, resume, ...), as users type and read them.</summary>
internal static class EventActions
{
    private static readonly (string Name, EventAction Action)[] Known =
    [
        ("suspend", EventAction.Suspend),
        ("resume", EventAction.Resume),
        ("attack", EventAction.Attack),
        ("threaten", EventAction.Threaten),
        ("demand", EventAction.Demand),
        ("condemn", EventAction.Condemn),
        ("announce", EventAction.Announce),
        ("kill", EventAction.Kill),
        ("arrest", EventAction.Arrest),
        ("sentence", EventAction.Sentence),
        ("die", EventAction.Die),
        ("acquire", EventAction.Acquire),
        ("release", EventAction.Release),
        ("defeat", EventAction.Defeat),
        ("dismiss", EventAction.Dismiss),
        ("appoint", EventAction.Appoint),
        ("seize", EventAction.Seize),
        ("collapse", EventAction.Collapse),
        ("crash", EventAction.Crash),
        ("investigate", EventAction.Investigate),
        ("approve", EventAction.Approve),
        ("sanction", EventAction.Sanction),
        ("demolish", EventAction.Demolish),
        ("discover", EventAction.Discover),
        ("other", EventAction.Other),
    ];

    public static string[] Names { get; } = Known.Select(known => known.Name).ToArray();

    public static EventAction Parse(string name) =>
        Known.First(known => string.Equals(known.Name, name, StringComparison.OrdinalIgnoreCase)).Action;

    /// <summary>Unknown and future classes read as "other", as the contract asks of clients.</summary>
    public static string NameOf(EventAction action) =>
        Known.FirstOrDefault(known => known.Action == action).Name ?? "other";
}
