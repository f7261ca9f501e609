using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Newsroom.Ingest;

/// <summary>Reads publication dates: machine forms from metadata and feeds, and the date lines of page dumps.</summary>
internal static partial class PublicationDates
{
    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>News on the web is not older than this; earlier dates are a CMS's empty value (year 0001) or a typo.</summary>
    private static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A page may be dated a little ahead of this machine's clock (time zones, skew), not more.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    /// <summary>
    /// Could this be when an article was published, seen at <paramref name="now"/>: not before 1900, not
    /// more than a day ahead, and not the Unix epoch itself (a timestamp of zero is a missing value).
    /// </summary>
    public static bool IsPlausible(DateTimeOffset date, DateTimeOffset now) =>
        date >= Earliest && date <= now + FutureTolerance && date != DateTimeOffset.UnixEpoch;

    /// <summary>ISO 8601 and RFC 822/1123 (as in RSS), assuming UTC when no zone is given.</summary>
    public static DateTimeOffset? ParseMachine(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = value.Trim();
        // RFC 822 zones: "+0000" and the North American names; .NET reads "+00:00".
        text = NumericZone().Replace(text, "$1$2:$3");
        text = NamedZone().Replace(text, m => m.Groups[1].Value.ToUpperInvariant() switch
        {
            "EST" => "-05:00",
            "EDT" => "-04:00",
            "CST" => "-06:00",
            "CDT" => "-05:00",
            "MST" => "-07:00",
            "MDT" => "-06:00",
            "PST" => "-08:00",
            "PDT" => "-07:00",
            _ => "+00:00",
        });
        text = LeadingWeekday().Replace(text, "");
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? parsed
            : null;
    }

    /// <summary>
    /// A line that is only a date, with an optional weekday, time, zone, an upper-case dateline and words such as
    /// "Published" or "Last updated", for example "January 31, 2024 at 1:58 pm", "Sat. Mar 2nd, 2024",
    /// "12:52 p.m. EDT May 2, 2013", "Posted at 3:21 PM ET, 01/5/2011", "WASHINGTON, April 28, 2009" or, with a
    /// byline, "March 27, 2024 by CBS Baltimore". A line with
    /// two dates ("Posted ... | Updated ...") gives the first. Numeric dates read year-month-day when the year
    /// comes first, day.month.year with dots, and month/day/year with slashes unless the first number cannot be a
    /// month. The time is taken as UTC.
    /// </summary>
    public static bool TryParseDateLine(string line, out DateTimeOffset date)
    {
        date = default;
        if (line.Length > 80)
        {
            return false;
        }
        var dates = DatePart().Matches(line);
        if (dates.Count == 0 || DateOf(dates[0]) is not { } day)
        {
            return false;
        }
        // Each pattern runs once: the residue is what its matches leave.
        var withoutDates = Without(line, dates);
        var times = TimePart().Matches(withoutDates);
        var residue = Byline().Replace(Dateline().Replace(Without(withoutDates, times), " "), " ");
        if (Filler().Replace(residue, "").Length > 0)
        {
            return false;
        }
        var (hour, minute) = (0, 0);
        if (times.Count > 0 && !TryReadTime(times[0], out hour, out minute))
        {
            return false;
        }
        date = new DateTimeOffset(day.Year, day.Month, day.Day, hour, minute, 0, TimeSpan.Zero);
        return true;
    }

    /// <summary>
    /// A line that stamps the page with a time or a day but no whole date: "Updated 4:08 p.m. ET", "APR 28",
    /// "Posted 10:05 AM". It is page furniture, never a headline; with no year, it dates nothing.
    /// </summary>
    public static bool IsTimeStampLine(string line)
    {
        if (line.Length > 40)
        {
            return false;
        }
        var times = TimePart().Matches(line);
        var withoutTimes = Without(line, times);
        var days = MonthDay().Matches(withoutTimes);
        return times.Count + days.Count > 0 && Filler().Replace(Without(withoutTimes, days), "").Length == 0;
    }

    /// <summary>The text with each match replaced by a space.</summary>
    private static string Without(string text, MatchCollection matches)
    {
        if (matches.Count == 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (Match match in matches)
        {
            builder.Append(text, at, match.Index - at).Append(' ');
            at = match.Index + match.Length;
        }
        return builder.Append(text, at, text.Length - at).ToString();
    }

    private static DateOnly? DateOf(Match match)
    {
        int year, month, day;
        if (match.Groups["month"].Success)
        {
            (year, month, day) = (Number(match, "year"), MonthNumber(match.Groups["month"].Value), Number(match, "day"));
        }
        else if (match.Groups["iy"].Success)
        {
            (year, month, day) = (Number(match, "iy"), Number(match, "im"), Number(match, "id"));
        }
        else
        {
            var (first, second) = (Number(match, "n1"), Number(match, "n2"));
            year = Number(match, "ny");
            // Dots are the European order; slashes the American one, unless the first number is no month.
            (day, month) = match.Groups["sep"].Value == "." || first > 12 ? (first, second) : (second, first);
        }
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static bool TryReadTime(Match time, out int hour, out int minute)
    {
        hour = Number(time, "hour");
        minute = Number(time, "minute");
        if (time.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }
            hour = (hour % 12) + (char.ToLowerInvariant(time.Groups["ampm"].Value[0]) == 'p' ? 12 : 0);
        }
        return hour <= 23 && minute <= 59;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    /// <summary>
    /// The date in an article's address, as news sites put it there: /2024/03/05/, /2024/mar/05/, /2024-03-05,
    /// _20240305_; a year from 1990, a month and a day. Null when the address has none or an impossible one.
    /// </summary>
    public static DateTimeOffset? FromUrl(string? address)
    {
        var match = address is null ? Match.Empty : UrlDate().Match(address);
        if (!match.Success)
        {
            return null;
        }
        var monthText = match.Groups["month"].Value;
        var month = char.IsDigit(monthText[0]) ? int.Parse(monthText, CultureInfo.InvariantCulture) : MonthNumber(monthText);
        var year = Number(match, "year");
        var day = Number(match, "day");
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero)
            : null;
    }

    /// <summary>1 to 12 for a month's English name or its abbreviation ("nov", "November"), else 0.</summary>
    public static int MonthNumber(string name) =>
        name.Length < 3 ? 0 : Array.IndexOf(MonthNames, name[..3].ToLowerInvariant()) + 1;

    private const string Month = @"(?<month>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?";
    private const string Day = @"(?<day>[0-3]?\d)(st|nd|rd|th)?";
    private const string Year = @"(?<year>(19|20)\d\d)";

    [GeneratedRegex(
        @"[/_-](?<year>(199|20\d)\d)((?<sep>[/_-])(?<month>[01]?\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\k<sep>(?<day>[0-3]?\d)|(?<month>[01]\d)(?<day>[0-3]\d))(?=[/_.-]|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UrlDate();

    // "May 2, 2013", "16 Sep 2013", "2013-09-26", "05/02/2013", "08.07.2012"; spaces around separators are allowed,
    // as text copied from pages often has them ("05 / 02 / 2013").
    [GeneratedRegex(
        @"\b" + Month + @"\s*" + Day + @",?\s+" + Year + @"\b"
        + @"|\b" + Day + @"\s+(of\s+)?" + Month + @",?\s+" + Year + @"\b"
        + @"|\b(?<iy>(19|20)\d\d)\s*(?<isep>[-/.])\s*(?<im>[01]?\d)\s*\k<isep>\s*(?<id>[0-3]?\d)\b"
        + @"|\b(?<n1>[0-3]?\d)\s*(?<sep>[/.])\s*(?<n2>[0-3]?\d)\s*\k<sep>\s*(?<ny>(19|20)\d\d)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DatePart();

    // A month and a day without a year: "APR 28", "May 2nd", "2 May".
    [GeneratedRegex(@"\b" + Month + @"\s*" + Day + @"\b|\b" + Day + @"\s+(of\s+)?" + Month + @"(?!\w)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MonthDay();

    // "1:58 pm", "13:26", "22.34", "7:15 a.m.", "5:55p"; spaces around the colon are allowed ("1: 12 PM").
    [GeneratedRegex(
        @"\b(?<hour>[0-2]?\d)\s*[:.]\s*(?<minute>[0-5]\d)(\s*[:.]\s*[0-5]\d)?\s*((?<ampm>[ap])(\.\s*m\b\.?|m\b\.?|\b\.?))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex TimePart();

    // A byline beside the date: "by CBS Baltimore", "By Jane Doe and John Roe"; capitalised names only, so that
    // "by the harbour" leaves words that make the line a sentence.
    [GeneratedRegex(@"\b[Bb][Yy]\s+\p{Lu}[\p{L}.'\-]*(\s+(and\s+)?\p{Lu}[\p{L}.'\-]*){0,3}", RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    // The place line of wire copy before the date: "WASHINGTON, DC," or "PORT MARROW,", in capitals, at the start.
    [GeneratedRegex(@"^\s*[A-Z][A-Z.'\- ]{2,}(,\s*[A-Z]{2}\.?)?\s*,", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    // What may surround a date on a date line: a weekday, "Published"/"Updated", zone names and offsets, separators.
    [GeneratedRegex(
        @"(\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?|\b(first|published|updated|posted|last|on|at|story|article|created|time|gmt|utc|ast|est|edt|cst|cdt|mst|mdt|pst|pdt|akst|akdt|hst|et|ct|mt|pt|bst|cet|cest|ist|uk)\b|[+-]\s*\d\d?(\s*:\s*\d\d)?|[\s,|:+\-\u2013\u2014/.@()])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Filler();

    [GeneratedRegex(@"([+-])(\d\d)(\d\d)$")]
    private static partial Regex NumericZone();

    [GeneratedRegex(@"\b(GMT|UTC|UT|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT)$", RegexOptions.IgnoreCase)]
    private static partial Regex NamedZone();

    [GeneratedRegex(@"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingWeekday();
}
