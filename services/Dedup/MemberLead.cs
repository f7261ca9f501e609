using Newsroom.Contracts.V1;

namespace Newsroom.Dedup;

/// <summary>The parts of a member's lead event that decide whether another article reports the same event.</summary>
internal sealed record MemberLead(string ArticleId, string? ActorId, EventAction Action, string? TargetId, DateOnly? Date)
{
    /// <summary>An action class that says something: not unknown and not "other".</summary>
    public bool HasKnownAction => Action is not (EventAction.Unspecified or EventAction.Other);
}
