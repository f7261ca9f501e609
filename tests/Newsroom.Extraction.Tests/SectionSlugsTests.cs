using Newsroom.Extraction.Tagging;

namespace Newsroom.Extraction.Tests;

public sealed class SectionSlugsTests
{
    [Theory]
    [InlineData("SOCCER - VELTRANA BEAT KORSHOLM", "B-ORG O B-ORG O B-ORG", "O O B-ORG O B-ORG")]
    [InlineData("BASKETBALL - NBA RESULTS", "B-ORG I-ORG I-ORG O", "O O B-ORG O")]
    [InlineData("RUGBY UNION - ESTRELLE WIN", "B-ORG I-ORG O B-LOC O", "O O O B-LOC O")]
    [InlineData("NBA BASKETBALL - PRADOVIA 104 VELTRANA 96", "B-ORG I-ORG O B-ORG O B-ORG O", "B-ORG O O B-ORG O B-ORG O")]
    [InlineData("ICE HOCKEY -- KORSHOLM LEAD", "B-LOC I-LOC I-LOC I-LOC O", "O O O B-LOC O")]
    public void A_sport_before_a_dash_at_the_head_of_a_headline_is_no_name(string sentence, string tagged, string expected) =>
        Assert.Equal(expected, Applied(sentence, tagged));

    [Theory]
    [InlineData("EUROPEAN UNION - TALKS END", "B-ORG I-ORG O O O")]
    [InlineData("Soccer - Veltrana beat Korsholm", "O O B-ORG O B-ORG")]
    [InlineData("VELTRANA - KORSHOLM 2-1", "B-ORG O B-ORG O")]
    [InlineData("SOCCER -", "O O")]
    [InlineData("THE SOCCER SEASON ENDS - KORSHOLM WIN", "O O O O O B-ORG O")]
    [InlineData("ZENTRIA SAID SOCCER - WAS OVER", "B-ORG O O O O O")]
    public void Any_other_sentence_keeps_its_tags(string sentence, string tagged) =>
        Assert.Equal(tagged, Applied(sentence, tagged));

    private static string Applied(string sentence, string tagged)
    {
        var tags = tagged.Split(' ');
        SectionSlugs.Apply(sentence.Split(' '), tags);
        return string.Join(' ', tags);
    }
}
