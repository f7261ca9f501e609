namespace Newsroom.Dedup;

/// <summary>
/// A candidate story as the same-event layer sees it: the summed member weight of each canonical entity
/// (its centrality, see <see cref="ArticleProfile.EntityWeights"/>) with its canonical name, and of each title-and-lead term,
/// its members' lead events, and whether any member gave a time (see <see cref="ArticleProfile.EventTime"/>).
/// How common each entity and term is overall is read at scoring time, since it changes with every article.
/// </summary>
internal sealed record StoryProfile(
    string StoryId,
    bool Dated,
    IReadOnlyDictionary<string, double> EntityWeights,
    IReadOnlyDictionary<string, string> EntityNames,
    IReadOnlyDictionary<string, double> TermWeights,
    IReadOnlyList<MemberLead> Members);
