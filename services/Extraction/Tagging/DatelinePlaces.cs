using System.Globalization;

namespace Newsroom.Extraction.Tagging;

/// <summary>
/// Wire copy opens with a dateline, the place it was filed from in capitals, at times its country or state,
/// and the date ("LONDON 1996-08-30", "NEW YORK, March 3", "STUTTGART, Germany 1996-10-04"). Standing alone, a
/// capitalised word reads like an acronym, and the tagger often takes it for an organisation; in a dateline it
/// is always a place, and so is the country after it.
/// </summary>
internal static class DatelinePlaces
{
    /// <summary>Place names in datelines have a few words at most.</summary>
    private const int MaxPlaceTokens = 4;

    /// <summary>A date is at most a month, a day, a year, two commas and a full stop.</summary>
    private const int MaxDateTokens = 6;

    /// <summary>A country or state after the place ("United Arab Emirates") has a few words at most.</summary>
    private const int MaxRegionTokens = 3;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "d/M/yyyy", "M/d/yyyy", "d.M.yyyy"];

    private static readonly string[] MonthFormats = ["MMMM", "MMM"];

    /// <summary>Tags the place of a sentence that is only a dateline as one location, in place; any other sentence is left as it is.</summary>
    public static void Apply(IReadOnlyList<string> tokens, string[] tags)
    {
        var place = 0;
        while (place < tokens.Count && place < MaxPlaceTokens && IsCapitalWord(tokens[place]))
        {
            place++;
        }

        if (place == 0 || place == tokens.Count)
        {
            return;
        }

        // Headlines open in capitals too: only a short rest is looked at closer, a date or a region and a date.
        var region = 0;
        if (!IsDateFrom(tokens, place))
        {
            region = RegionLength(tokens, place);
            if (region == 0 || !IsDateFrom(tokens, place + region + 1))
            {
                return;
            }
        }

        EntityTags.Name(tags, 0, place, "LOC");
        EntityTags.Name(tags, place + 1, place + 1 + region, "LOC");
    }

    /// <summary>Whether the tokens from <paramref name="start"/> on are a date and nothing else.</summary>
    private static bool IsDateFrom(IReadOnlyList<string> tokens, int start) =>
        tokens.Count - start <= MaxDateTokens && IsDate(tokens.Skip(start).ToList());

    /// <summary>The words of a region after the place and a comma ("Germany" in "STUTTGART , Germany 1996-10-04"); 0 when there is none.</summary>
    private static int RegionLength(IReadOnlyList<string> tokens, int place)
    {
        if (tokens[place] != ",")
        {
            return 0;
        }

        var length = 0;
        while (place + 1 + length < tokens.Count && length < MaxRegionTokens && IsRegionWord(tokens[place + 1 + length]))
        {
            length++;
        }

        return length;
    }

    private static bool IsRegionWord(string token) =>
        token.Length >= 2 && char.IsUpper(token[0]) && token.All(c => char.IsLetter(c) || c is '.' or '-') && !IsMonth(token);

    private static bool IsCapitalWord(string token) =>
        token.Length >= 2 && char.IsLetter(token[0]) && token.All(c => char.IsUpper(c) || c is '.' or '-' or '\'');

    /// <summary>The rest of the sentence is a date and nothing else: one numeric date, or a month with a day or year, with commas and a full stop.</summary>
    private static bool IsDate(List<string> rest)
    {
        var words = rest.Where(t => t is not ("," or ".")).ToList();
        return words switch
        {
            [var date] => DateTime.TryParseExact(date, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            [var month, var day] => IsMonth(month) && IsNumber(day),
            [var month, var day, var year] => IsMonth(month) && IsNumber(day) && IsNumber(year),
            _ => false,
        };
    }

    private static bool IsMonth(string token) =>
        DateTime.TryParseExact(token.TrimEnd('.'), MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsNumber(string token) => token.Length is > 0 and <= 4 && token.All(char.IsAsciiDigit);
}
