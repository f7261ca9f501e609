using Newsroom.Extraction.Tagging;

namespace Newsroom.Extraction.Tests;

public sealed class WholeNamesTests
{
    private static readonly Gazetteer Gazetteer = new(
        new Dictionary<string, GazetteerTypes>
        {
            ["veltra koria"] = GazetteerTypes.Location | GazetteerTypes.Country,
            ["veltran korian"] = GazetteerTypes.Nationality,
            ["pradova holdings"] = GazetteerTypes.Organisation,
            ["estrelle park"] = GazetteerTypes.Location | GazetteerTypes.Person,
            ["veltra"] = GazetteerTypes.FirstName,
        },
        ["said"]);

    [Theory]
    [InlineData("Veltra Koria beat Estrelle", "B-PER B-MISC O B-LOC", "B-LOC I-LOC O B-LOC")]
    [InlineData("VELTRA KORIA WIN", "B-PER B-MISC O", "B-LOC I-LOC O")]
    [InlineData("Veltran Korian troops left", "B-LOC B-MISC O O", "B-MISC I-MISC O O")]
    [InlineData("Pradova Holdings said", "B-LOC B-ORG O", "B-ORG I-ORG O")]
    public void A_known_name_the_tagger_split_is_read_whole_as_what_the_gazetteer_says(string sentence, string tagged, string expected) =>
        Assert.Equal(expected, Applied(sentence, tagged));

    [Theory]
    [InlineData("Veltra Koria beat Estrelle", "B-PER I-PER O B-LOC")]
    [InlineData("Veltra Koria Insurance said", "B-PER B-ORG I-ORG O")]
    [InlineData("Veltra Koria said", "B-PER O O")]
    [InlineData("Estrelle Park said", "B-PER B-LOC O")]
    [InlineData("Oskar Veltra Koria said", "B-PER I-PER B-LOC O")]
    public void A_name_read_whole_as_part_of_a_longer_one_or_of_two_kinds_is_left_to_the_tagger(string sentence, string tagged) =>
        Assert.Equal(tagged, Applied(sentence, tagged));

    private static string Applied(string sentence, string tagged)
    {
        var tags = tagged.Split(' ');
        WholeNames.Apply(Gazetteer.LongestMatches([.. sentence.Split(' ').Select(TokenFeatures.Normalised)]), tags);
        return string.Join(' ', tags);
    }
}
