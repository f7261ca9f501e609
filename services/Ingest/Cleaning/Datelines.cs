using System.Text.RegularExpressions;

namespace Newsroom.Ingest;

/// <summary>
/// The place line that opens wire copy: "BAGHDAD (Reuters) -", "ERBIL (Kurdistan24) -",
/// "WASHINGTON, Jan 30 (AP) —", "RIYADH:". The place is in capitals; an agency or date may follow.
/// </summary>
internal static partial class Datelines
{
    /// <summary>Splits a leading dateline off a paragraph; the sentence after it is kept.</summary>
    public static bool TrySplit(string paragraph, out string place, out string rest)
    {
        var match = Dateline().Match(paragraph);
        if (!match.Success)
        {
            place = "";
            rest = paragraph;
            return false;
        }
        place = match.Groups["place"].Value.Trim();
        rest = paragraph[match.Length..];
        return true;
    }

    // Place: capitalised words, the first all in capitals (at least 3 letters), optionally ", Region".
    // Then an optional date and "(Agency)", then a dash or a colon, then the sentence.
    [GeneratedRegex(
        @"^(?<place>\p{Lu}[\p{Lu}'.\-]{2,}(\s+\p{Lu}[\p{Lu}'.\-]+){0,3}(,\s*\p{Lu}[\p{L}.]+(\s+\p{Lu}[\p{L}.]+){0,2})?)" +
        @"(,\s*\p{Lu}[a-z]{2,8}\.?\s+\d{1,2})?" +
        @"(\s*\([^)]{1,40}\))?" +
        @"\s*([-\u2013\u2014]+|:)\s+(?=[\p{Lu}\p{N}""\u201c'\u2018])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Dateline();
}
