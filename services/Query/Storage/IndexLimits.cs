namespace Newsroom.Query;

/// <summary>
/// How much of an article and of a story the read model stores and indexes. Events may come from
/// old versions or other publishers without ingest's limits, and FTS5's highlight() and snippet()
/// re-tokenise a whole column for each hit, so unbounded text would make one article stall every
/// search that matches it and make each story update cost more the bigger the story.
/// </summary>
internal static class IndexLimits
{
    /// <summary>Characters of a title kept (ingest accepts at most 500).</summary>
    public const int MaxTitleLength = 500;

    /// <summary>Characters of an article's url and source name kept.</summary>
    public const int MaxFieldLength = 2_000;

    /// <summary>Characters of an article's lead paragraph kept.</summary>
    public const int MaxLeadLength = 2_000;

    /// <summary>Characters of an article's text kept for the search index.</summary>
    public const int MaxTextLength = 16 * 1024;

    /// <summary>
    /// Members whose titles, leads and text make a story's search row: the earliest ones, which
    /// tell the event; later members are rewrites of the same event and add little to find it by.
    /// </summary>
    public const int MaxIndexedMembers = 40;

    /// <summary>Characters of a story's searchable text per column (titles, leads, body, entities, events).</summary>
    public const int MaxSearchColumnLength = 64 * 1024;

    /// <summary>
    /// The value cut to at most <paramref name="maxLength"/> characters, never between the two
    /// halves of a surrogate pair.
    /// </summary>
    public static string Truncate(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value) || value.Length <= maxLength)
        {
            return value ?? "";
        }

        var length = maxLength > 0 && char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
        return value[..length];
    }
}
