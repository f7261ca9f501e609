namespace Newsroom.Extraction;

/// <summary>The form of an action word, which says whether it can head a passive ("was arrested") or is a noun ("the arrest").</summary>
internal enum WordForm
{
    Base,
    Present,
    Progressive,
    Past,
    Participle,
    Noun,
}
