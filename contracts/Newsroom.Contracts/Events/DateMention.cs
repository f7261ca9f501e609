namespace Newsroom.Contracts.Events;

/// <summary>A date in an article's text ("on Tuesday", "Jan. 28"), normalised against the publication date.</summary>
public sealed record DateMention(string Text, int Start, int End, DateOnly Date);
