namespace Newsroom.Extraction.Tagging;

/// <summary>One finished training pass: how many tokens the tagger still got wrong in it.</summary>
public sealed record TrainingProgress(int Epoch, int Epochs, long Tokens, long Mistakes);
