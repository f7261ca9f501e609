using System.Globalization;
using System.Text.RegularExpressions;
using Newsroom.Contracts.Events;

namespace Newsroom.Extraction;

/// <summary>
/// Finds calendar dates in text and normalises them against the publication date: "Jan. 25, 2024",
/// "December 30, 2023", "May 8th", "25 May 2021", "October 7" (year: the latest occurrence not more
/// than <see cref="FutureTolerance"/> after publication), "yesterday" / "today" / "tomorrow" / "last night",
/// "last week", "three days ago", and weekdays ("on Sunday": the latest such day on or before publication, as
/// news style uses weekdays for the past week; "last Sunday" before the day of publication, "next Sunday" after it). Without a publication date,
/// relative dates and weekdays are not resolved, and a date without its year takes the year the text names most
/// ("on May 8th" in a text that otherwise speaks of 2024), or none when the text names no year.
/// </summary>
public sealed partial class DateNormalizer
{
    /// <summary>Dates this far after publication still count as this year's (announced plans, time zones).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(14);

    private const string Month = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
    private static readonly string[] CountWords = ["TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN"];

    private const string Weekday = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

    [GeneratedRegex(
        @"\b(?:(?:" + Weekday + @"),?\s+)?(?<month>" + Month + @")\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<year>(?:19|20)\d\d)\b)?"
        + @"|\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>" + Month + @")\b\.?(?:,?\s+(?<year>(?:19|20)\d\d)\b)?"
        + @"|\b(?<relative>the day before yesterday|yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening)|last week|next week|a week ago|(?<count>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) (?<unit>days?|weeks?) ago)\b"
        + @"|\b(?:(?<direction>last|next|this) )?(?<weekday>" + Weekday + @")\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(?:19|20)\d\d\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    /// <summary>How far into the text the opening runs whose day of the week <see cref="LeadWeekday"/> reads: a sentence or two.</summary>
    public const int LeadWeekdayReach = 250;

    public IReadOnlyList<DateMention> Normalize(string text, DateOnly? published)
    {
        ArgumentNullException.ThrowIfNull(text);
        published = Usable(published);
        var contextYear = ContextYear(text);
        var mentions = new List<DateMention>();
        foreach (Match match in DatePattern().Matches(text))
        {
            if (Resolve(match, published, contextYear) is { } date)
            {
                mentions.Add(new DateMention(match.Value, match.Index, match.Index + match.Length, date));
            }
        }

        return mentions;
    }

    /// <summary>
    /// The day of the week the title or the opening of the text names first: a weekday ("on Friday night"), or the day
    /// of a date that resolves. An undated report still tells on which day its event happened, even when the date
    /// itself cannot be known, and that tells apart look-alike events a few days apart.
    /// </summary>
    public DayOfWeek? LeadWeekday(string title, string text, DateOnly? published)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(text);
        published = Usable(published);
        var contextYear = ContextYear(text);
        foreach (var part in new[] { title, text[..Math.Min(text.Length, LeadWeekdayReach)] })
        {
            foreach (Match match in DatePattern().Matches(part))
            {
                // A weekday is its day whether or not it resolves to a date ("last Friday" is a Friday).
                if ((NamedWeekday(match) ?? Resolve(match, published, contextYear)?.DayOfWeek) is { } day)
                {
                    return day;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A publication date at the ends of the calendar (year 1, year 9999) is a placeholder, not a day to count
    /// "yesterday" from, and counting from it would run off the calendar.
    /// </summary>
    private static DateOnly? Usable(DateOnly? published) => published is { Year: > 1 and < 9999 } ? published : null;

    /// <summary>The year the text names most (<see cref="YearMostNamed"/>), counted only if a date without its year and publication asks for it.</summary>
    private static Lazy<int?> ContextYear(string text) => new(() => YearMostNamed(text), LazyThreadSafetyMode.None);

    /// <summary>The weekday a match names, in a capital ("on Friday"); null for any other match.</summary>
    private static DayOfWeek? NamedWeekday(Match match) =>
        match.Groups["weekday"].Success && IsCapitalised(match.Groups["weekday"].Value)
            ? Enum.Parse<DayOfWeek>(match.Groups["weekday"].Value, ignoreCase: true)
            : null;

    /// <summary>The year the text names most often, the latest of equals; null when it names none.</summary>
    private static int? YearMostNamed(string text) =>
        YearPattern().Matches(text)
            .GroupBy(m => int.Parse(m.Value, CultureInfo.InvariantCulture))
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Key)
            .Select(g => (int?)g.Key)
            .FirstOrDefault();

    private static DateOnly? Resolve(Match match, DateOnly? published, Lazy<int?> contextYear)
    {
        if (match.Groups["relative"].Success)
        {
            return published?.AddDays(DaysFromPublication(match));
        }

        if (match.Groups["weekday"].Success)
        {
            if (published is not { } reference || NamedWeekday(match) is not { } weekday)
            {
                return null;
            }

            var back = ((int)reference.DayOfWeek - (int)weekday + 7) % 7;
            return match.Groups["direction"].Value.ToUpperInvariant() switch
            {
                // "last Tuesday" is before the day of publication; "next Tuesday" after it.
                "LAST" => reference.AddDays(back == 0 ? -7 : -back),
                "NEXT" => reference.AddDays(7 - back),
                _ => reference.AddDays(-back),
            };
        }

        if (!IsCapitalised(match.Groups["month"].Value))
        {
            return null;
        }

        var month = MonthNumber(match.Groups["month"].Value);
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["year"].Success)
        {
            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            return day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
        }

        if (published is not { } publication)
        {
            return contextYear.Value is { } inferred && day <= DateTime.DaysInMonth(inferred, month) ? new DateOnly(inferred, month, day) : null;
        }

        var latest = publication.AddDays(FutureTolerance.Days);
        for (var candidateYear = publication.Year + 1; candidateYear >= publication.Year - 1; candidateYear--)
        {
            if (day <= DateTime.DaysInMonth(candidateYear, month) && new DateOnly(candidateYear, month, day) is var candidate && candidate <= latest)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Days from publication to a relative date. A week ("last week") counts as seven days: the contract holds a
    /// calendar day, and the same weekday a week back is the nearest day to whatever the writer meant.
    /// </summary>
    private static int DaysFromPublication(Match match)
    {
        if (match.Groups["count"].Success)
        {
            var count = match.Groups["count"].Value is var c && char.IsDigit(c[0])
                ? int.Parse(c, CultureInfo.InvariantCulture)
                : Array.IndexOf(CountWords, c.ToUpperInvariant()) + 2;
            return -count * (match.Groups["unit"].Value.StartsWith("week", StringComparison.OrdinalIgnoreCase) ? 7 : 1);
        }

        return match.Groups["relative"].Value.ToUpperInvariant() switch
        {
            "THE DAY BEFORE YESTERDAY" => -2,
            "YESTERDAY" or "LAST NIGHT" => -1,
            "TOMORROW" => 1,
            "LAST WEEK" or "A WEEK AGO" => -7,
            "NEXT WEEK" => 7,
            _ => 0,
        };
    }

    private static bool IsCapitalised(string word) => word.Length > 0 && char.IsUpper(word[0]);

    private static int MonthNumber(string name) => name[..3].ToUpperInvariant() switch
    {
        "JAN" => 1,
        "FEB" => 2,
        "MAR" => 3,
        "APR" => 4,
        "MAY" => 5,
        "JUN" => 6,
        "JUL" => 7,
        "AUG" => 8,
        "SEP" => 9,
        "OCT" => 10,
        "NOV" => 11,
        _ => 12,
    };
}
