using Newsroom.Contracts.V1;

namespace Newsroom.Dedup;

/// <summary>
/// A candidate story as the same-event layer sees it: the summed member weight of each canonical entity
/// (its centrality, see <see cref="ArticleProfile.EntityWeights"/>) with its canonical name and type, and of each title-and-lead term,
/// its members' lead events, how many members it has, the span of its members' times (see <see cref="ArticleProfile.EventTime"/>), null
/// when no member gave one, and the times of the members read.
/// How common each entity and term is overall is read at scoring time, since it changes with every article.
/// </summary>
internal sealed record StoryProfile(
    string StoryId,
    long MemberCount,
    DateTimeOffset? FirstTime,
    DateTimeOffset? LastTime,
    IReadOnlyDictionary<string, double> EntityWeights,
    IReadOnlyDictionary<string, string> EntityNames,
    IReadOnlyDictionary<string, EntityType> EntityTypes,
    IReadOnlyDictionary<string, double> TermWeights,
    IReadOnlyList<MemberLead> Members,
    IReadOnlyList<DateTimeOffset> MemberTimes)
{
    /// <summary>Whether any member gave a time.</summary>
    public bool Dated => LastTime is not null;

    /// <summary>
    /// Days from the time to the nearest member's, null when either side has no time. A story that ran for weeks
    /// is near an article only where it had members, not across the whole span; when the members read gave no
    /// time (older ones did), the span stands in.
    /// </summary>
    public double? DaysFrom(DateTimeOffset? time) =>
        time is not { } t || FirstTime is not { } first || LastTime is not { } last ? null
        : MemberTimes.Count > 0 ? MemberTimes.Min(m => Math.Abs((t - m).TotalDays))
        : t < first ? (first - t).TotalDays
        : t > last ? (t - last).TotalDays
        : 0;
}
