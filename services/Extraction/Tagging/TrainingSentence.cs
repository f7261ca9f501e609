namespace Newsroom.Extraction.Tagging;

/// <summary>A sentence of training data: its tokens and their gold tags in IOB2 (B-PER, I-PER, O, ...).</summary>
public sealed record TrainingSentence(IReadOnlyList<string> Tokens, IReadOnlyList<string> Tags);
