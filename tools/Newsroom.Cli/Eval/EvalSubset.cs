namespace Newsroom.Cli.Eval;

/// <summary>
/// Which half of a labelled set to score: all of it, or the items (pages, or topics of a clustering set)
/// at even or odd positions in sorted order. Tune on one half, report on the other.
/// </summary>
internal enum EvalSubset
{
    All,
    Even,
    Odd,
}
