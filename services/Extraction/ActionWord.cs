using Newsroom.Contracts.V1;

namespace Newsroom.Extraction;

/// <summary>One form of a lexicon entry: its class, its form and the words that must follow it.</summary>
internal sealed record ActionWord(EventAction Action, WordForm Form, IReadOnlyList<FollowingWord> Following)
{
    public bool IsVerb => Form != WordForm.Noun;

    /// <summary>Past and participle forms head passives: "was arrested", "were killed".</summary>
    public bool CanBePassive => Form is WordForm.Past or WordForm.Participle;
}
