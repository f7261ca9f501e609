namespace Newsroom.Dedup;

/// <summary>
/// Counts kept in the store (in how many articles a term occurs, in how many stories an entity), read
/// through to SQLite on a miss. A story's norm needs the count of every term it holds at every
/// comparison, far more reads than the article's own. The cache is emptied when full rather than
/// tracking use: a refill costs one read per key, and the bound keeps memory flat on any vocabulary.
/// </summary>
internal sealed class FrequencyCache(Func<string, int> read, int capacity)
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Get(string key)
    {
        if (_counts.TryGetValue(key, out var count))
        {
            return count;
        }
        if (_counts.Count >= capacity)
        {
            _counts.Clear();
        }
        count = read(key);
        _counts[key] = count;
        return count;
    }

    public bool Contains(string key) => _counts.ContainsKey(key);

    /// <summary>Takes counts read in bulk for keys not cached (see <see cref="StoryStore.PrefetchCounts"/>).</summary>
    public void Fill(IReadOnlyDictionary<string, int> counts)
    {
        if (_counts.Count + counts.Count > capacity)
        {
            _counts.Clear();
        }
        foreach (var (key, count) in counts)
        {
            _counts[key] = count;
        }
    }

    /// <summary>Follows a committed change: each added key counts one more, each dropped one less; a key not cached is read fresh when next asked for.</summary>
    public void Follow(IEnumerable<string> added, IEnumerable<string> dropped)
    {
        foreach (var (keys, delta) in new[] { (added, 1), (dropped, -1) })
        {
            foreach (var key in keys)
            {
                if (_counts.TryGetValue(key, out var count))
                {
                    _counts[key] = count + delta;
                }
            }
        }
    }

    public void Clear() => _counts.Clear();
}
