using Newsroom.Cli.Training;
using Newsroom.Extraction.Tagging;
using Xunit;

namespace Newsroom.Cli.Tests;

/// <summary>GMB's tags read the way CoNLL-2003 tags news, which is what the tagger is scored on.</summary>
public sealed class GmbCorpusReaderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-cli-gmb-");

    private readonly Gazetteer _gazetteer = new(
        new Dictionary<string, GazetteerTypes>
        {
            ["jordan"] = GazetteerTypes.Location,
            ["moscow"] = GazetteerTypes.Location,
            ["xinhua"] = GazetteerTypes.Location,
            ["the hague"] = GazetteerTypes.Location,
            ["iraqi"] = GazetteerTypes.Nationality,
            ["kurds"] = GazetteerTypes.Nationality,
            ["u.n."] = GazetteerTypes.Organisation,
            ["nato"] = GazetteerTypes.Organisation,
            ["christopher"] = GazetteerTypes.FirstName,
        },
        ["president", "prime", "minister", "secretary", "state", "defense"]);

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("Mr.,B-per|Bush,I-per|spoke,O", "O B-PER O")]
    [InlineData("Prime,B-per|Minister,O|Allawi,B-per", "O O B-PER")]
    [InlineData("President,B-per|Tovarin,I-per", "O B-PER")]
    [InlineData("J.,B-per|Tovarin,I-per", "B-PER I-PER")]
    [InlineData("the,B-geo|West,I-geo|Bank,I-geo", "O B-LOC I-LOC")]
    [InlineData("The,B-geo|Hague,I-geo", "B-LOC I-LOC")]
    [InlineData("Jordan,B-gpe|and,O|Iraqi,B-gpe", "B-LOC O B-MISC")]
    [InlineData("Moscow,B-org|said,O", "B-LOC O")]
    [InlineData("Xinhua,B-org|said,O", "B-ORG O")]
    [InlineData("Kurds,B-per|and,O|Kurds,B-org", "B-MISC O B-MISC")]
    [InlineData("U.N.,B-geo|report,O", "B-ORG O")]
    [InlineData("Tovarin,B-geo|fell,O", "B-LOC O")]
    [InlineData("NATO,B-geo|met,O", "B-LOC O")]
    [InlineData("Mr.,B-per|Schwarzenegger,B-org|spoke,O", "O B-PER O")]
    [InlineData("Ms.,B-per|Merkel,B-geo", "O B-PER")]
    [InlineData("President,B-per|Veltrana,B-geo", "O B-LOC")]
    public void Tags_follow_CoNLL_conventions(string words, string expected)
    {
        // "Moscow" is a place elsewhere in the corpus; "Xinhua" never is, whatever the gazetteer says. "U.N."
        // and "Tovarin" are organisations elsewhere, but only "U.N." is one the gazetteer knows; "NATO" never is one in the corpus.
        var sentences = Read(words, "Moscow,B-geo|fell,O", "U.N.,B-org|and,O|Tovarin,B-org|said,O");

        Assert.Equal(expected, string.Join(' ', sentences[0].Sentence.Tags));
    }

    [Fact]
    public void An_organisation_the_corpus_nearly_always_calls_one_stays_one_though_it_is_a_place_once()
    {
        // Both are places in the gazetteer and both are tagged a place once; "Moscow" is an organisation twice
        // ("Moscow said"), "Xinhua" ten times (the news agency).
        var sentences = Read(
            [
                "Xinhua,B-org|said,O", "Moscow,B-org|said,O", "Xinhua,B-geo|said,O", "Moscow,B-geo|fell,O", "Moscow,B-org|agreed,O",
                .. Enumerable.Repeat("Xinhua,B-org|reported,O", 9),
            ]);

        Assert.Equal("B-ORG O", string.Join(' ', sentences[0].Sentence.Tags));
        Assert.Equal("B-LOC O", string.Join(' ', sentences[1].Sentence.Tags));
    }

    [Theory]
    [InlineData("Secretary,O|of,O|State,B-org|Christopher,I-org|Hill,I-org|said,O", "O O O B-PER I-PER O")]
    [InlineData("Secretary,O|of,O|State,B-org|Christopher,B-per|Hill,I-per", "O O O B-PER I-PER")]
    [InlineData("Minister,O|of,O|Defense,B-org|said,O", "O O O O")]
    [InlineData("Minister,O|of,O|State,B-org|for,I-org|Disasters,I-org", "O O O O O")]
    [InlineData("Minister,O|of,O|Tovarin,B-geo", "O O B-LOC")]
    [InlineData("Minister,O|of,O|State,B-org|Tovarin,I-org", "O O B-ORG I-ORG")]
    public void An_office_is_no_name(string words, string expected)
    {
        // "Secretary" and "Minister" are titles of people here: the corpus puts them before names. What follows an office
        // is kept whole unless it begins with a given name ("Federal Reserve" after "Chairman of" is an organisation).
        var sentences = Read(words, "Secretary,B-per|Tovarin,I-per", "Minister,B-per|Tovarin,I-per|and,O|Secretary,B-per|Veltrana,I-per", "Minister,B-per|Veltrana,I-per");

        Assert.Equal(expected, string.Join(' ', sentences[0].Sentence.Tags));
    }

    private IReadOnlyList<GmbTaggedSentence> Read(params string[] sentences)
    {
        var path = Path.Combine(_folder.FullName, "gmb.csv");
        var lines = new List<string> { "Sentence #,Word,POS,Tag" };
        for (var s = 0; s < sentences.Length; s++)
        {
            var tokens = sentences[s].Split('|');
            for (var t = 0; t < tokens.Length; t++)
            {
                var (word, tag) = (tokens[t][..tokens[t].LastIndexOf(',')], tokens[t][(tokens[t].LastIndexOf(',') + 1)..]);
                lines.Add($"{(t == 0 ? $"Sentence: {s + 1}" : string.Empty)},{word},NNP,{tag}");
            }
        }

        File.WriteAllLines(path, lines);
        return GmbCorpusReader.Read(path, _gazetteer);
    }
}
