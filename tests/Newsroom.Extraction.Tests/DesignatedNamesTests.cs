using Newsroom.Extraction.Tagging;

namespace Newsroom.Extraction.Tests;

public sealed class DesignatedNamesTests
{
    [Theory]
    [InlineData("Veltrana Securities said", "B-PER I-PER O", "B-ORG I-ORG O")]
    [InlineData("Korsholm-Benz AG said", "B-PER B-ORG O", "B-ORG I-ORG O")]
    [InlineData("Zentria Wellcome Plc shares", "B-ORG B-ORG I-ORG O", "B-ORG I-ORG I-ORG O")]
    [InlineData("British Pradovia Petroleum rose", "B-MISC I-MISC O O", "B-ORG I-ORG I-ORG O")]
    [InlineData("shares of Estrelle Inc. fell", "O O B-LOC O O", "O O B-ORG I-ORG O")]
    [InlineData("Estrelle Holdings Ltd fell", "B-LOC I-LOC O O", "B-ORG I-ORG I-ORG O")]
    [InlineData("Veltrana-Benz AG said", "O B-ORG O", "B-ORG I-ORG O")]
    [InlineData("shares of Lantern Inc. fell", "O O O O O", "O O B-ORG I-ORG O")]
    public void A_legal_form_or_trade_after_a_name_makes_it_one_company(string sentence, string tagged, string expected) =>
        Assert.Equal(expected, Applied(sentence, tagged));

    [Theory]
    [InlineData("the Francis Scott Key Bridge fell", "O B-PER I-PER B-LOC I-LOC O", "O B-LOC I-LOC I-LOC I-LOC O")]
    [InlineData("the Francis Scott Key Bridge fell", "O B-PER I-PER I-PER O O", "O B-LOC I-LOC I-LOC I-LOC O")]
    [InlineData("at Yankee Stadium today", "O B-ORG O O", "O B-LOC I-LOC O")]
    public void A_structure_after_a_name_makes_it_one_place(string sentence, string tagged, string expected) =>
        Assert.Equal(expected, Applied(sentence, tagged));

    [Theory]
    [InlineData("the bridge fell", "O O O")]
    [InlineData("the Bridge fell", "O O O")]
    [InlineData("Bruce Arena said", "B-PER I-PER O")]
    [InlineData("the Airlines said", "O O O")]
    [InlineData("The Airlines said", "O O O")]
    [InlineData("rival Airways said", "O B-ORG O")]
    [InlineData("Veltrana said AG", "B-LOC O O")]
    [InlineData("Korsholm Bank rose", "B-LOC I-LOC O")]
    [InlineData("Veltrana and Estrelle fell", "B-ORG O B-ORG O")]
    [InlineData("the rival Airlines said", "O O O O")]
    [InlineData("HIS SHARE IS LIMITED", "O O O O")]
    public void Any_other_sentence_keeps_its_tags(string sentence, string tagged) =>
        Assert.Equal(tagged, Applied(sentence, tagged));

    /// <summary>Input sets the length of a sentence: a run of designators, however long, is read in one pass.</summary>
    [Fact]
    public void A_long_run_of_designators_is_one_company()
    {
        var tokens = Enumerable.Repeat("AG", 200_000).Prepend("Veltrana").ToArray();
        var tags = tokens.Select((_, i) => i == 0 ? "B-PER" : "I-PER").ToArray();

        DesignatedNames.Apply(tokens, [.. tokens.Select(t => t.ToLowerInvariant())], tags, Gazetteer);

        Assert.Equal("B-ORG", tags[0]);
        Assert.All(tags.Skip(1), tag => Assert.Equal("I-ORG", tag));
    }

    [Fact]
    public void A_company_named_with_its_legal_form_is_a_company_by_its_name_alone_in_the_document()
    {
        string[][] sentences =
        [
            ["Lantern", "said", "on", "Monday", "that", "profits", "rose", "."],
            ["Shares", "of", "Lantern", "Inc.", "and", "Korsholm", "Wellcome", "Plc", "rose", "."],
            ["Korsholm", "Wellcome", "gained", "while", "Lantern", "Music", "and", "a", "lantern", "did", "not", "."],
        ];
        string[][] tags =
        [
            ["O", "O", "O", "O", "O", "O", "O", "O"],
            ["O", "O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"],
            ["O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O"],
        ];

        DesignatedNames.ApplyToDocument(sentences, tags);

        Assert.Equal("B-ORG O O O O O O O", string.Join(' ', tags[0]));
        Assert.Equal("B-ORG I-ORG O O O O O O O O O O", string.Join(' ', tags[2]));
    }

    [Fact]
    public void A_company_name_does_not_retag_names_of_another_type()
    {
        string[][] sentences = [["Veltrana", "Corp.", "opened", "in", "Veltrana", "."]];
        string[][] tags = [["B-ORG", "I-ORG", "O", "O", "B-LOC", "O"]];

        DesignatedNames.ApplyToDocument(sentences, tags);

        Assert.Equal("B-ORG I-ORG O O B-LOC O", string.Join(' ', tags[0]));
    }

    private static readonly Gazetteer Gazetteer = new(new Dictionary<string, GazetteerTypes>(), ["the", "said", "rival", "lantern", "is", "his", "share"]);

    private static string Applied(string sentence, string tagged)
    {
        var tokens = sentence.Split(' ');
        var tags = tagged.Split(' ');
        DesignatedNames.Apply(tokens, [.. tokens.Select(t => t.ToLowerInvariant())], tags, Gazetteer);
        return string.Join(' ', tags);
    }
}
