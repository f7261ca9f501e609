using Newsroom.Extraction.Tagging;

namespace Newsroom.Extraction.Tests;

public sealed class GazetteerTests
{
    private static readonly Gazetteer Gazetteer = new(
        new Dictionary<string, GazetteerTypes>
        {
            ["new york"] = GazetteerTypes.Location,
            ["new york stock exchange"] = GazetteerTypes.Organisation,
            ["port of spain harbour authority"] = GazetteerTypes.Organisation,
            ["spain"] = GazetteerTypes.Country,
        },
        []);

    [Theory]
    [InlineData("the new york stock exchange fell", "0 ORGANISATION/4 0 0 0 0")]
    [InlineData("new york stock prices", "LOCATION/2 0 0 0")]
    [InlineData("the port of spain harbour authority said", "0 ORGANISATION/5 0 COUNTRY/1 0 0 0")]
    [InlineData("port of spain harbour", "0 0 COUNTRY/1 0")]
    [InlineData("a new car in new york", "0 0 0 0 LOCATION/2 0")]
    public void Each_token_gets_the_longest_name_that_starts_there_even_through_words_that_are_no_name_alone(string sentence, string expected)
    {
        var matches = Gazetteer.LongestMatches(sentence.Split(' '));

        Assert.Equal(expected, string.Join(' ', matches.Select(m => m.Length == 0 ? "0" : $"{m.Types.ToString().ToUpperInvariant()}/{m.Length}")));
    }
}
