using System.Text.RegularExpressions;

namespace Newsroom.Query;

/// <summary>
/// Turns what a user typed into an FTS5 query of quoted terms, all of which must match. FTS5
/// syntax (operators, column filters, quotes) is never passed through, so no input can make the
/// query invalid.
/// </summary>
internal static partial class SearchTerms
{
    public const int MaxTerms = 32;

    /// <summary>The words of <paramref name="query"/>, lower-cased, without duplicates, in order.</summary>
    public static IReadOnlyList<string> Words(string query) =>
        WordPattern().Matches(query).Select(m => m.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The FTS5 MATCH expression for words from <see cref="Words"/>.</summary>
    public static string ToMatchExpression(IEnumerable<string> words) =>
        string.Join(' ', words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
