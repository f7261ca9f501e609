namespace Newsroom.Cli.Eval;

/// <summary>Which pages to score: all, or the half at even or odd positions of the ids in sorted order (tune on one, report on the other).</summary>
internal enum ExtractionSubset
{
    All,
    Even,
    Odd,
}
