using Newsroom.Contracts.V1;

namespace Newsroom.Dedup;

/// <summary>
/// The parts of a member's lead event that decide whether another article reports the same event, with the day of the
/// week its opening names (<see cref="Newsroom.Contracts.Events.ArticleExtracted.LeadWeekday"/>), else the day of its
/// event time.
/// </summary>
internal sealed record MemberLead(string ArticleId, string? ActorId, EventAction Action, string? TargetId, DateOnly? Date, DayOfWeek? Weekday)
{
    /// <summary>
    /// Whether the action is one whose difference marks another event: a group suspending, resuming,
    /// attacking, threatening, demanding or condemning; a ship or bank seized, a bridge collapsing or demolished, a plane
    /// crashing; an agency investigating, approving or sanctioning; an inspection or a report finding something.
    /// Announcements, deaths, arrests and the like are told under many verbs by rewrites of one report, and
    /// extraction reads them less surely, so they neither veto nor add agreement.
    /// </summary>
    public bool HasKnownAction => Action is EventAction.Suspend or EventAction.Resume or EventAction.Attack or EventAction.Threaten or EventAction.Demand or EventAction.Condemn
        or EventAction.Seize or EventAction.Collapse or EventAction.Crash or EventAction.Investigate or EventAction.Approve or EventAction.Sanction or EventAction.Demolish
        or EventAction.Discover;

    /// <summary>A class as a reader says it, in lower case ("suspend"), for descriptions and summaries.</summary>
    public static string NameOf(EventAction action) => action.ToString().ToLowerInvariant();
}
