using Google.Protobuf.WellKnownTypes;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

/// <summary>Checks request fields and says what to change when one is wrong (INVALID_ARGUMENT).</summary>
internal static class QueryRequestValidation
{
    public const int MaxQueryLength = 1000;

    public static string RequireId(string value, string field, string what) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidRequestException($"{field} is empty; pass the {what}.")
            : value.Trim();

    /// <summary>The words to search for; refuses a query with none (browse with ListStories instead) or too many.</summary>
    public static IReadOnlyList<string> SearchWords(string query)
    {
        if (query.Length > MaxQueryLength)
        {
            throw new InvalidRequestException($"query is {query.Length} characters long; shorten it to at most {MaxQueryLength}.");
        }

        var words = SearchTerms.Words(query);
        if (words.Count == 0)
        {
            throw new InvalidRequestException("query has no words to search for; give at least one word, or call ListStories to browse stories by recency.");
        }

        return words.Count > SearchTerms.MaxTerms
            ? throw new InvalidRequestException($"query has {words.Count} distinct words; use at most {SearchTerms.MaxTerms}.")
            : words;
    }

    public static void Filter(StoryFilter? filter)
    {
        if (filter is not null)
        {
            Range(filter.PublishedAfter, filter.PublishedBefore, "filter.published_after", "filter.published_before");
        }
    }

    /// <summary>Both bounds as times, checking each is a valid timestamp and that the range is not empty.</summary>
    public static (DateTimeOffset? After, DateTimeOffset? Before) Range(Timestamp? after, Timestamp? before, string afterField, string beforeField)
    {
        var from = Time(after, afterField);
        var to = Time(before, beforeField);
        return from >= to
            ? throw new InvalidRequestException($"{afterField} is not before {beforeField}, so nothing can match; swap them or drop one.")
            : (from, to);
    }

    private static DateTimeOffset? Time(Timestamp? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return value.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw new InvalidRequestException($"{field} ({value.Seconds} s, {value.Nanos} ns) is not a valid timestamp; use a time between years 1 and 9999 with nanos in [0, 999999999].");
        }
    }
}
