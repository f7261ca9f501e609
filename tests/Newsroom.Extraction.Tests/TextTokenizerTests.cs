using Newsroom.Extraction.Tagging;

namespace Newsroom.Extraction.Tests;

public sealed class TextTokenizerTests
{
    private static List<string> Tokens(string text) => TextTokenizer.Tokenize(text, 0, text.Length).Select(t => t.Text).ToList();

    [Fact]
    public void Splits_punctuation_and_possessives_as_the_training_data_does()
    {
        Assert.Equal(["Iraq", "’s", "Zentria", "Brigades", ",", "Biden", "'s", "aide", "."], Tokens("Iraq’s Zentria Brigades, Biden's aide."));
    }

    [Fact]
    public void Keeps_dotted_abbreviations_hyphenated_names_and_numbers_whole()
    {
        Assert.Equal(["Mr.", "al-Sudani", "met", "U.S.", "envoys", "on", "Jan.", "25", "at", "3:30", "in", "St.", "Louis"],
            Tokens("Mr. al-Sudani met U.S. envoys on Jan. 25 at 3:30 in St. Louis"));
    }

    [Fact]
    public void Keeps_scores_and_numeric_dates_whole_as_wire_copy_writes_them()
    {
        Assert.Equal(["LONDON", "1996-08-30"], Tokens("LONDON 1996-08-30"));
        Assert.Equal(["Leeds", "won", "2-0", ",", "a", "10", "-", "year", "record"], Tokens("Leeds won 2-0, a 10-year record"));
    }

    [Fact]
    public void Offsets_point_at_each_token_in_the_text()
    {
        const string text = "  “Kataib Hezbollah” (KH) said—again—it’s over.";
        foreach (var token in TextTokenizer.Tokenize(text, 0, text.Length))
        {
            Assert.Equal(token.Text, text[token.Start..token.End]);
        }
    }

    [Fact]
    public void Reads_only_the_range_it_is_given()
    {
        const string text = "Title line\n\nBody starts here.";
        var body = TextTokenizer.Tokenize(text, 12, text.Length);
        Assert.Equal(["Body", "starts", "here", "."], body.Select(t => t.Text));
        Assert.Equal(12, body[0].Start);
    }
}
