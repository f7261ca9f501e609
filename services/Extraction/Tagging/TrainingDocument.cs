namespace Newsroom.Extraction.Tagging;

/// <summary>A document of training data and the domain it comes from ("news" for GMB, "wiki" for WikiANN).</summary>
public sealed record TrainingDocument(string Domain, IReadOnlyList<TrainingSentence> Sentences);
