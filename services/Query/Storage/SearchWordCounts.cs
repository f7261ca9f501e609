using System.Collections.Concurrent;

namespace Newsroom.Query;

/// <summary>
/// In how many stories of the search index each search word occurs, for ranking (<see cref="Bm25WithWordCounts"/>).
/// A count is kept while the index cannot have changed it by more than a sixteenth: each story indexed changes a
/// story or two, so a word in 300,000 stories is counted again after about 19,000 of them, and a rare word, which
/// is cheap to count, at the next. Ranking needs only the counts' proportions, which so small a drift leaves alone.
/// </summary>
internal sealed class SearchWordCounts
{
    /// <summary>Words kept at most; past that the counts start again, as a search load has far fewer common words.</summary>
    public const int MaxWords = 50_000;

    private readonly ConcurrentDictionary<string, (long Stories, long Writes)> _counts = new(StringComparer.Ordinal);
    private long _writes;

    /// <summary>Records that a story was indexed, which may have changed the counts of its words.</summary>
    public void RecordWrite() => Interlocked.Increment(ref _writes);

    /// <summary>Stories indexed since the counts began.</summary>
    public long Writes => Volatile.Read(ref _writes);

    /// <summary>All the stories of the index, kept as a word's count is (under the empty word, which no search has).</summary>
    public long AllStories(Func<long> count) => Stories(string.Empty, _ => count());

    /// <summary>The stories holding <paramref name="word"/>: the kept count, or else <paramref name="count"/>'s, then kept.</summary>
    public long Stories(string word, Func<string, long> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        var writes = Volatile.Read(ref _writes);
        if (_counts.TryGetValue(word, out var kept) && writes - kept.Writes <= kept.Stories / 16)
        {
            return kept.Stories;
        }

        var stories = count(word);
        if (_counts.Count >= MaxWords)
        {
            _counts.Clear();
        }

        _counts[word] = (stories, writes);
        return stories;
    }
}
