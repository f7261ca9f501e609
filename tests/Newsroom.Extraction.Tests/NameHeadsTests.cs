using Newsroom.Extraction.Tagging;

namespace Newsroom.Extraction.Tests;

public sealed class NameHeadsTests
{
    private static readonly Gazetteer Gazetteer = new(
        new Dictionary<string, GazetteerTypes>
        {
            ["zentria"] = GazetteerTypes.Organisation,
            ["ford"] = GazetteerTypes.Person | GazetteerTypes.Organisation,
            ["base"] = GazetteerTypes.Organisation,
        },
        ["base", "said"]);

    [Theory]
    [InlineData("Oskar Zentria said", "B-PER I-PER O", "B-ORG I-ORG O")]
    [InlineData("Oskar Zentria said", "B-LOC I-LOC O", "B-LOC I-LOC O")]
    [InlineData("Zentria said", "B-PER O", "B-PER O")]
    [InlineData("Henry Ford said", "B-PER I-PER O", "B-PER I-PER O")]
    [InlineData("Oskar Base said", "B-PER I-PER O", "B-PER I-PER O")]
    public void A_person_whose_last_word_is_only_an_organisation_is_an_organisation(string sentence, string tagged, string expected)
    {
        var tags = tagged.Split(' ');

        NameHeads.Apply([.. sentence.Split(' ').Select(TokenFeatures.Normalised)], tags, Gazetteer);

        Assert.Equal(expected, string.Join(' ', tags));
    }
}
