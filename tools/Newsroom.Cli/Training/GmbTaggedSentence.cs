using Newsroom.Extraction.Tagging;

namespace Newsroom.Cli.Training;

/// <summary>A GMB sentence with its number in the file, which decides whether it is held out.</summary>
internal sealed record GmbTaggedSentence(int Number, TrainingSentence Sentence);
