namespace Newsroom.Dedup;

/// <summary>
/// A candidate story as the same-event layer sees it: how often each entity and title-and-lead term
/// occurs across its members (with how common each is across all stories or articles), and its
/// members' lead events, and whether any member gave a time (see <see cref="ArticleProfile.EventTime"/>).
/// </summary>
internal sealed record StoryProfile(
    string StoryId,
    bool Dated,
    IReadOnlyDictionary<string, StoryEntity> Entities,
    IReadOnlyDictionary<string, StoryTerm> Terms,
    IReadOnlyList<MemberLead> Members);
