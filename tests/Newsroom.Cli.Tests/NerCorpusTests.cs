using System.Text.Json;
using Newsroom.Cli.Eval;
using Newsroom.Cli.Training;
using Newsroom.Cli.Tests.Infrastructure;
using Newsroom.Extraction.Tagging;
using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Cli.Tests;

/// <summary>
/// CI's floors for the entity tagger: `newsroom eval ner` on data the shipped model was not trained on,
/// the GMB sentences `newsroom train tagger` holds out (numbers divisible by 5), WikiANN's dev split and
/// sports copy, each written in CoNLL columns as a user would pass them.
/// </summary>
public sealed class NerCorpusTests(ITestOutputHelper output) : IDisposable
{
    // Measured with the shipped model: GMB held-out PER+ORG+LOC F1 0.890 (GMB read the CoNLL way), the same documents in
    // capitals 0.803 (0.768 for the model before, trained on capitals lines only beside their sentence), WikiANN dev 0.512;
    // floors sit just under.
    private const double GmbFloor = 0.88;
    private const double GmbCapitalsFloor = 0.79;
    private const double WikiAnnFloor = 0.50;

    // Data/sports-copy.conll: 33 short sports reports the team wrote, in the styles of wire sports copy (match reports,
    // results lines, tables, tennis, athletics, golf, cricket), 166 names. The first 18 were written before the
    // generated sports reports the tagger trains on, the rest after, in other wording. The shipped model scores 0.881
    // (0.900, 0.894, 0.900, 0.906 and 0.628 for the models before it; the last learnt no sports copy). A retraining moves a
    // name or two: the last one, which changed only how headlines are taught, lost "Real Madrid", "Sampdoria" and "Moeller",
    // while clubs replaced by random towns in these reports are read as organisations as often as before (0.747).
    private const double SportsCopyFloor = 0.87;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-cli-ner-");

    [CorpusFact]
    public async Task Held_out_GMB_sentences_score_above_the_floor()
    {
        var gmb = CorpusFactAttribute.Require(Path.Combine("ner", "gmb-partial.csv"));
        var heldOut = GmbCorpusReader.Read(gmb, TaggerModelFiles.ShippedGazetteer).Where(s => s.Number % 5 == 0).Select(s => s.Sentence);
        var file = Path.Combine(_folder.FullName, "gmb-held-out.conll");
        ConllWriter.Write(file, heldOut, TaggerTrainingSet.GmbDocumentSentences);

        Assert.True(await MainF1Async(file) >= GmbFloor, $"GMB held-out F1 fell below {GmbFloor}");
    }

    /// <summary>All-caps text (headlines, wire copy set in capitals) gives the tagger no case to read names by.</summary>
    [CorpusFact]
    public async Task Held_out_GMB_documents_in_capitals_score_above_the_floor()
    {
        var gmb = CorpusFactAttribute.Require(Path.Combine("ner", "gmb-partial.csv"));
        var heldOut = GmbCorpusReader.Read(gmb, TaggerModelFiles.ShippedGazetteer).Where(s => s.Number % 5 == 0)
            .Select(s => s.Sentence with { Tokens = [.. s.Sentence.Tokens.Select(t => t.ToUpperInvariant())] });
        var file = Path.Combine(_folder.FullName, "gmb-held-out-capitals.conll");
        ConllWriter.Write(file, heldOut, TaggerTrainingSet.GmbDocumentSentences);

        Assert.True(await MainF1Async(file) >= GmbCapitalsFloor, $"GMB held-out F1 in capitals fell below {GmbCapitalsFloor}");
    }

    [CorpusFact]
    public async Task WikiANN_dev_sentences_score_above_the_floor()
    {
        var dev = CorpusFactAttribute.Require(Path.Combine("ner", "wikiann-en", "dev"));
        var sentences = ConllReader.Read(dev, "en:").SelectMany(d => d.Tokens.Zip(d.Tags, (tokens, tags) => new TrainingSentence(tokens, EntitySpans.ToIob2(tags))));
        var file = Path.Combine(_folder.FullName, "wikiann-dev.conll");
        ConllWriter.Write(file, sentences, documentSentences: 1);

        Assert.True(await MainF1Async(file) >= WikiAnnFloor, $"WikiANN dev F1 fell below {WikiAnnFloor}");
    }

    [Fact]
    public async Task Sports_copy_scores_above_the_floor() =>
        Assert.True(await MainF1Async(Path.Combine(AppContext.BaseDirectory, "Data", "sports-copy.conll")) >= SportsCopyFloor, $"sports copy F1 fell below {SportsCopyFloor}");

    public void Dispose() => _folder.Delete(recursive: true);

    private async Task<double> MainF1Async(string conll)
    {
        var result = await CliRunner.RunAsync("eval", "ner", "--conll", conll, "--json");
        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        using var document = JsonDocument.Parse(result.Out);
        output.WriteLine(document.RootElement.ToString());
        return document.RootElement.GetProperty("scores").GetProperty("PER+ORG+LOC").GetProperty("f1").GetDouble();
    }
}
