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
            ["ricki"] = GazetteerTypes.FirstName,
            ["abu veltrani"] = GazetteerTypes.Organisation,
        },
        ["base", "said"]);

    [Theory]
    [InlineData("Oskar Zentria said", "B-PER I-PER O", "B-ORG I-ORG O")]
    [InlineData("Oskar Zentria said", "B-LOC I-LOC O", "B-LOC I-LOC O")]
    [InlineData("Zentria said", "B-PER O", "B-PER O")]
    [InlineData("Henry Ford said", "B-PER I-PER O", "B-PER I-PER O")]
    [InlineData("Oskar Base said", "B-PER I-PER O", "B-PER I-PER O")]
    public void A_person_whose_last_word_is_only_an_organisation_is_an_organisation(string sentence, string tagged, string expected) =>
        Assert.Equal(expected, Applied(sentence, tagged));

    [Theory]
    [InlineData("the Veltrana River flooded", "O B-ORG I-ORG O", "O B-LOC I-LOC O")]
    [InlineData("in Korsholm Province today", "O B-ORG I-ORG O", "O B-LOC I-LOC O")]
    [InlineData("Estrelle County said", "B-PER I-PER O", "B-LOC I-LOC O")]
    [InlineData("Estrelle County won", "B-ORG I-ORG O", "B-ORG I-ORG O")]
    [InlineData("Ricki Lake said", "B-PER I-PER O", "B-PER I-PER O")]
    [InlineData("University of Pradovia Valley said", "B-ORG I-ORG I-ORG I-ORG O", "B-ORG I-ORG I-ORG I-ORG O")]
    [InlineData("the River said", "O B-ORG O", "O B-ORG O")]
    [InlineData("Veltrana River Authority said", "B-ORG I-ORG I-ORG O", "B-ORG I-ORG I-ORG O")]
    public void A_person_or_organisation_whose_last_word_is_a_kind_of_place_is_a_place(string sentence, string tagged, string expected) =>
        Assert.Equal(expected, Applied(sentence, tagged));

    [Theory]
    [InlineData("Harakat al-Veltrani said", "B-PER I-PER O", "B-ORG I-ORG O")]
    [InlineData("fighters of Jaish al-Korsholmi left", "O O B-LOC I-LOC O", "O O B-ORG I-ORG O")]
    [InlineData("Kataeb Sayyid al-Pradovi denied it", "B-PER I-PER I-PER O O", "B-ORG I-ORG I-ORG O O")]
    [InlineData("Hashd Estrelle said", "B-MISC I-MISC O", "B-ORG I-ORG O")]
    [InlineData("Harakat said", "B-PER O", "B-PER O")]
    [InlineData("Oskar Harakat said", "B-PER I-PER O", "B-PER I-PER O")]
    public void An_Arabic_name_that_opens_with_a_word_for_an_organised_body_is_an_organisation(string sentence, string tagged, string expected) =>
        Assert.Equal(expected, Applied(sentence, tagged));

    [Theory]
    [InlineData("Abu Korsholm al-Saadi said", "B-ORG I-ORG I-ORG O", "B-PER I-PER I-PER O")]
    [InlineData("Umm Estrelle spoke", "B-MISC I-MISC O", "B-PER I-PER O")]
    [InlineData("Abu Veltrani gunmen struck", "B-ORG I-ORG I-ORG O", "B-ORG I-ORG I-ORG O")]
    [InlineData("Abu Korsholm Brigades struck", "B-ORG I-ORG I-ORG O", "B-ORG I-ORG I-ORG O")]
    [InlineData("in Abu Korsholm today", "O B-LOC I-LOC O", "O B-LOC I-LOC O")]
    public void A_name_that_opens_with_Abu_or_Umm_is_a_persons_byname(string sentence, string tagged, string expected) =>
        Assert.Equal(expected, Applied(sentence, tagged));

    /// <summary>Input sets a name's length: the gazetteer is asked of its first words only, whatever follows them.</summary>
    [Fact]
    public void A_long_byname_is_read_once()
    {
        var words = Enumerable.Repeat("korsholm", 200_000).Prepend("abu").ToArray();
        var tags = words.Select((_, i) => i == 0 ? "B-ORG" : "I-ORG").ToArray();

        NameHeads.Apply(words, tags, Gazetteer);

        Assert.Equal("B-PER", tags[0]);
        Assert.All(tags.Skip(1), tag => Assert.Equal("I-PER", tag));
    }

    private static string Applied(string sentence, string tagged)
    {
        var tags = tagged.Split(' ');
        NameHeads.Apply([.. sentence.Split(' ').Select(TokenFeatures.Normalised)], tags, Gazetteer);
        return string.Join(' ', tags);
    }
}
