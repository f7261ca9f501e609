using Newsroom.Cli.Training;
using Newsroom.Extraction.Tagging;
using Xunit;

namespace Newsroom.Cli.Tests;

/// <summary>How GMB's running sentences become training documents with headlines.</summary>
public sealed class TaggerTrainingSetTests
{
    private static readonly List<TrainingSentence> Gmb = [.. Enumerable.Range(0, 4 * TaggerTrainingSet.GmbDocumentSentences)
        .Select(i => new TrainingSentence(["Veltrana", "signed", "accord", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "."], ["B-LOC", "O", "O", "O", "O"]))];

    private static List<TrainingDocument> Documents() => TaggerTrainingSet.Build(Gmb, [], []);

    [Fact]
    public void A_headline_in_capitals_stands_in_for_its_sentence_or_comes_before_it()
    {
        var documents = Documents();
        var alone = documents[0];
        var before = documents[2];

        Assert.Equal(TaggerTrainingSet.GmbDocumentSentences, alone.Sentences.Count);
        Assert.Equal(["VELTRANA", "SIGNED", "ACCORD", "0", "."], alone.Sentences[0].Tokens);
        Assert.Equal(Gmb[0].Tags, alone.Sentences[0].Tags);
        Assert.Equal(Gmb.Skip(1).Take(TaggerTrainingSet.GmbDocumentSentences - 1), alone.Sentences.Skip(1));
        Assert.Equal(TaggerTrainingSet.GmbDocumentSentences + 1, before.Sentences.Count);
        Assert.Equal(["VELTRANA", "SIGNED", "ACCORD", "40", "."], before.Sentences[0].Tokens);
        Assert.Equal(Gmb.Skip(2 * TaggerTrainingSet.GmbDocumentSentences).Take(TaggerTrainingSet.GmbDocumentSentences), before.Sentences.Skip(1));
    }

    [Fact]
    public void A_title_case_headline_comes_before_its_sentence_and_some_documents_have_none()
    {
        var documents = Documents();
        var titled = documents[1];

        Assert.Equal(TaggerTrainingSet.GmbDocumentSentences + 1, titled.Sentences.Count);
        Assert.Equal(["Veltrana", "Signed", "Accord", "20", "."], titled.Sentences[0].Tokens);
        Assert.Equal(Gmb.Skip(TaggerTrainingSet.GmbDocumentSentences).Take(TaggerTrainingSet.GmbDocumentSentences), titled.Sentences.Skip(1));
        Assert.Equal(Gmb.Skip(3 * TaggerTrainingSet.GmbDocumentSentences), documents[3].Sentences);
        Assert.All(documents, d => Assert.Equal(TaggerTrainingSet.NewsDomain, d.Domain));
    }
}
