using Newsroom.Extraction.Tagging;

namespace Newsroom.Cli.Eval;

/// <summary>Writes tagged sentences in CoNLL columns (token, tag), with -DOCSTART- before every run of <c>documentSentences</c> sentences.</summary>
internal static class ConllWriter
{
    public static void Write(string path, IEnumerable<TrainingSentence> sentences, int documentSentences)
    {
        using var writer = new StreamWriter(path);
        foreach (var document in sentences.Chunk(documentSentences))
        {
            writer.WriteLine(ConllReader.DocumentStart + " " + EntityTags.Outside);
            writer.WriteLine();
            foreach (var sentence in document)
            {
                for (var i = 0; i < sentence.Tokens.Count; i++)
                {
                    writer.WriteLine(sentence.Tokens[i] + " " + sentence.Tags[i]);
                }

                writer.WriteLine();
            }
        }
    }
}
