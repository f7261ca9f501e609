using System.Text.RegularExpressions;

namespace Newsroom.Query;

/// <summary>
/// Turns what a user typed into words, all of which must match (<see cref="QueryStoreSql.MatchQuery"/>).
/// Only letters and digits are kept: no search syntax (operators, column filters, quotes) is passed
/// through, so no input can make the query invalid.
/// </summary>
internal static partial class SearchTerms
{
    public const int MaxTerms = 32;

    /// <summary>The words of <paramref name="query"/>, lower-cased, without duplicates, in order.</summary>
    public static IReadOnlyList<string> Words(string query) =>
        WordPattern().Matches(query).Select(m => m.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
