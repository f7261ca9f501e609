using System.Globalization;
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
    /// A line that is only a date, with an optional weekday, time and words such as "Published", for
    /// example "January 31, 2024 at 1:58 pm" or "Sat. Mar 2nd, 2024". The time is taken as UTC.
    /// </summary>
    public static bool TryParseDateLine(string line, out DateTimeOffset date)
    {
        date = default;
        if (line.Length > 80)
        {
            return false;
        }
        var match = HumanDate().Match(line);
        if (!match.Success)
        {
            return false;
        }
        var residue = line.Remove(match.Index, match.Length);
        if (Filler().Replace(residue, "").Length > 0)
        {
            return false;
        }
        var month = MonthNumber(match.Groups["month"].Value);
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (month < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        var hour = 0;
        var minute = 0;
        if (match.Groups["hour"].Success)
        {
            hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture) % 12;
            minute = int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture);
            var ampm = match.Groups["ampm"].Value.ToLowerInvariant();
            if (ampm.StartsWith('p'))
            {
                hour += 12;
            }
            else if (ampm.Length == 0)
            {
                hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
            }
            if (hour > 23 || minute > 59)
            {
                return false;
            }
        }
        date = new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero);
        return true;
    }

    /// <summary>1 to 12 for a month's English name or its abbreviation ("nov", "November"), else 0.</summary>
    public static int MonthNumber(string name) =>
        name.Length < 3 ? 0 : Array.IndexOf(MonthNames, name[..3].ToLowerInvariant()) + 1;

    private const string Month = @"(?<month>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?";
    private const string Day = @"(?<day>[0-3]?\d)(st|nd|rd|th)?";
    private const string Time = @"(,?\s*(at\s+)?(?<hour>[0-2]?\d)[:.](?<minute>[0-5]\d)\s*(?<ampm>[ap]\.?m\.?)?)?";

    [GeneratedRegex(
        @"(\b" + Month + @"\s+" + Day + @",?\s+(?<year>(19|20)\d\d)|\b" + Day + @"\s+" + Month + @",?\s+(?<year>(19|20)\d\d))" + Time,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex HumanDate();

    // What may surround a date on a date line: a weekday, "Published"/"Updated", zone names, separators.
    [GeneratedRegex(
        @"(\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?|\b(first|published|updated|posted|last updated|on|at|gmt|utc|ast|est|edt)\b|[\s,|:\-\u2013\u2014/.])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Filler();

    [GeneratedRegex(@"([+-])(\d\d)(\d\d)$")]
    private static partial Regex NumericZone();

    [GeneratedRegex(@"\b(GMT|UTC|UT|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT)$", RegexOptions.IgnoreCase)]
    private static partial Regex NamedZone();

    [GeneratedRegex(@"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingWeekday();
}
