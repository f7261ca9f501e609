namespace Newsroom.Extraction.Tests;

/// <summary>A GMB sentence rebuilt as text, with its gold entity spans as character ranges.</summary>
internal sealed record GmbSentence(int Number, string Text, IReadOnlyList<GmbSpan> Gold);

/// <summary>A gold span: GMB tag class (per, org, geo, gpe, ...) and character range, end exclusive.</summary>
internal sealed record GmbSpan(string Class, int Start, int End);
