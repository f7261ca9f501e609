using Newsroom.Extraction.Tagging;
using Xunit;

namespace Newsroom.Extraction.Tests;

public sealed class AcronymDefinitionsTests
{
    [Theory]
    [InlineData(
        "part of the Popular Mobilisation Forces ( PMF ) .",
        "O O O B-ORG I-ORG O O O O O",
        "O O O B-ORG I-ORG I-ORG O B-ORG O O")]
    [InlineData(
        "the Iraqi Kurdistan Regional Government ( KRG ) said",
        "O B-ORG I-ORG I-ORG I-ORG O O O O",
        "O O B-ORG I-ORG I-ORG O B-ORG O O")]
    [InlineData(
        "the Committee to Protect Journalists ( CPJ ) said",
        "O B-ORG O O O O O O O",
        "O B-ORG I-ORG I-ORG I-ORG O B-ORG O O")]
    [InlineData(
        "Kataib Hezbollah ( KH ) said",
        "B-PER I-PER O B-ORG O O",
        "B-PER I-PER O B-ORG O O")]
    public void A_bracketed_acronym_sets_where_its_name_starts_and_ends(string sentence, string tagged, string expected)
    {
        var tags = tagged.Split(' ');

        AcronymDefinitions.Apply(sentence.Split(' '), tags);

        Assert.Equal(expected, string.Join(' ', tags));
    }

    [Theory]
    [InlineData("talks with Russia ( UN ) said", "O O B-LOC O O O O")]
    [InlineData("a Letter Of Intent ( LOI ) was", "O O O O O O O O")]
    [InlineData("( PMF )", "O O O")]
    public void Tags_stay_when_no_name_the_tagger_found_spells_the_acronym(string sentence, string tagged)
    {
        var tags = tagged.Split(' ');

        AcronymDefinitions.Apply(sentence.Split(' '), tags);

        Assert.Equal(tagged, string.Join(' ', tags));
    }
}
