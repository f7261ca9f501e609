namespace Newsroom.Extraction.Tagging;

/// <summary>A token of a text for the tagger, with its character range in that text. <see cref="End"/> is exclusive.</summary>
public readonly record struct TaggedToken(string Text, int Start, int End);
