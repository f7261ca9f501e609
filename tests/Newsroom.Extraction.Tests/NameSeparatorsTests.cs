using Newsroom.Extraction.Tagging;

namespace Newsroom.Extraction.Tests;

public sealed class NameSeparatorsTests
{
    [Theory]
    [InlineData("Zentria Mining / Orlanth Works said", "B-ORG I-ORG I-ORG I-ORG I-ORG O", "B-ORG I-ORG O B-ORG I-ORG O")]
    [InlineData("Biel / Bienne voted", "B-LOC I-LOC I-LOC O", "B-LOC O B-LOC O")]
    [InlineData("Zentria / said", "B-ORG I-ORG O", "B-ORG O O")]
    [InlineData("Zentria / Orlanth said", "B-ORG O B-ORG O", "B-ORG O B-ORG O")]
    [InlineData("Zentria Mining ( Orlanth ) said", "B-ORG I-ORG I-ORG I-ORG I-ORG O", "B-ORG I-ORG I-ORG I-ORG I-ORG O")]
    public void A_name_is_cut_at_a_slash(string sentence, string tagged, string expected)
    {
        var tags = tagged.Split(' ');

        NameSeparators.Apply(sentence.Split(' '), tags);

        Assert.Equal(expected, string.Join(' ', tags));
    }
}
