using Newsroom.Extraction.Tagging;

namespace Newsroom.Extraction.Tests;

public sealed class DatelinePlacesTests
{
    [Theory]
    [InlineData("VELTRANA 1996-08-30", "B-ORG O", "B-LOC O")]
    [InlineData("NEW KORSHOLM 1996-08-30", "B-ORG I-ORG O", "B-LOC I-LOC O")]
    [InlineData("PRADOVIA , March 3", "O O O O", "B-LOC O O O")]
    [InlineData("PRADOVIA , Aug. 30 , 1996", "B-PER O O O O O", "B-LOC O O O O O")]
    [InlineData("ESTRELLE 30/08/1996 .", "B-ORG O O", "B-LOC O O")]
    [InlineData("ESTRELLE , Pradovia 1996-10-04", "B-ORG O B-LOC O", "B-LOC O B-LOC O")]
    [InlineData("AL-ESTRELLE , United Kaldovian Emirates 1996-12-06", "B-ORG O B-ORG I-ORG I-ORG O", "B-LOC O B-LOC I-LOC I-LOC O")]
    [InlineData("ESTRELLE , Pradovia , March 3", "B-PER O B-PER O O O", "B-LOC O B-LOC O O O")]
    public void The_capitals_of_a_sentence_that_is_only_a_dateline_are_a_place(string sentence, string tagged, string expected) =>
        Assert.Equal(expected, Applied(sentence, tagged));

    [Theory]
    [InlineData("UPDATE 2", "O O")]
    [InlineData("NATO", "B-ORG")]
    [InlineData("ZENTRIA 3 KALDOVIA 1", "B-ORG O B-ORG O")]
    [InlineData("ZENTRIA SAID 1996-08-30 TALKS", "B-ORG O O O")]
    [InlineData("Veltrana 1996-08-30", "B-ORG O")]
    [InlineData("AB CD EF GH IJ 1996-08-30", "O O O O O O")]
    [InlineData("VELTRANA 1996-13-45", "B-ORG O")]
    [InlineData("VELTRANA , Pradovia said 1996-10-04", "B-ORG O B-LOC O O")]
    [InlineData("VELTRANA , Pradovia", "B-ORG O B-LOC")]
    public void Any_other_sentence_keeps_its_tags(string sentence, string tagged) =>
        Assert.Equal(tagged, Applied(sentence, tagged));

    private static string Applied(string sentence, string tagged)
    {
        var tags = tagged.Split(' ');
        DatelinePlaces.Apply(sentence.Split(' '), tags);
        return string.Join(' ', tags);
    }
}
