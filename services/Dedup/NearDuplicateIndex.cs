namespace Newsroom.Dedup;

/// <summary>
/// The near-identical layer's LSH index, in memory: every article's MinHash bins in one array, and for
/// each band key the chain of articles that share it, newest first. One open-addressing table holds the
/// keys of all bands; a key shared by chance (two bands, or two hashes) only costs a comparison, since
/// every candidate is checked on its whole signature. Under 1 KB an article at 100 bins in 20 bands.
/// Not thread-safe: <see cref="StoryClusterer"/> serialises access.
/// </summary>
internal sealed class NearDuplicateIndex
{
    /// <summary>Articles compared per lookup, the newest sharing a band first: bounds the work a very common band can cause.</summary>
    public const int MaxCandidates = 100;

    private const int Empty = -1;

    private readonly int _bins;
    private readonly int _rowsPerBand;
    private readonly int _bands;
    private ushort[] _signatures;
    private string[] _articleIds;
    private string[] _storyIds;
    private int[] _next;
    private uint[] _keys;
    private int[] _heads;
    private int _usedSlots;
    private int[] _seen;
    private int _lookup;

    // The ids held, so that whether an article was placed before needs no read of the store.
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);

    public NearDuplicateIndex(int bins, int rowsPerBand, int capacity = 1024)
    {
        _bins = bins;
        _rowsPerBand = rowsPerBand;
        _bands = bins / rowsPerBand;
        capacity = (int)Math.Clamp(capacity, 16, MaxArticles(bins, _bands));
        _signatures = new ushort[capacity * bins];
        _articleIds = new string[capacity];
        _storyIds = new string[capacity];
        _next = new int[capacity * _bands];
        _seen = new int[capacity];
        var slots = (int)Math.Min(1 << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Min(1 << 30, (long)capacity * _bands * 10 / 7)));
        _keys = new uint[slots];
        _heads = new int[slots];
        Array.Fill(_heads, Empty);
    }

    public int Count { get; private set; }

    /// <summary>
    /// Bytes of the arrays behind the index and its set of ids (room for growth included) per article held; the id
    /// strings are not counted.
    /// </summary>
    public long BytesPerArticle =>
        Count == 0 ? 0 : (((long)_signatures.Length * sizeof(ushort)) + ((long)_next.Length * sizeof(int)) + ((long)_seen.Length * sizeof(int))
            + ((long)_keys.Length * (sizeof(uint) + sizeof(int))) + ((long)_articleIds.Length * 2 * IntPtr.Size)
            + ((long)_held.EnsureCapacity(0) * ((3 * sizeof(int)) + IntPtr.Size))) / Count;

    /// <summary>Whether the article is in the index.</summary>
    public bool Holds(string articleId) => _held.Contains(articleId);

    public void Add(string articleId, string storyId, MinHashSignature signature)
    {
        if (signature.Length != _bins)
        {
            throw new ArgumentException($"A signature of {signature.Length} bins cannot join an index of {_bins}.", nameof(signature));
        }
        EnsureCapacity(Count + 1);
        var article = Count++;
        signature.Values.CopyTo(_signatures.AsSpan(article * _bins, _bins));
        _articleIds[article] = articleId;
        _storyIds[article] = storyId;
        _held.Add(articleId);
        var keys = signature.BandKeys(_rowsPerBand);
        for (var band = 0; band < _bands; band++)
        {
            var slot = Slot(keys[band]);
            if (_heads[slot] == Empty)
            {
                _keys[slot] = keys[band];
                _usedSlots++;
            }
            var entry = (article * _bands) + band;
            _next[entry] = _heads[slot];
            _heads[slot] = entry;
        }
    }

    /// <summary>Files every article of one story under another, after a merge of the two: a scan, as merges are rare.</summary>
    public void Relabel(string fromStory, string intoStory)
    {
        for (var article = 0; article < Count; article++)
        {
            if (string.Equals(_storyIds[article], fromStory, StringComparison.Ordinal))
            {
                _storyIds[article] = intoStory;
            }
        }
    }

    /// <summary>The indexed article most like the signature among those sharing a band with it, or null when none does.</summary>
    public (string ArticleId, string StoryId, double Jaccard)? FindBest(MinHashSignature signature)
    {
        if (signature.Length != _bins || Count == 0)
        {
            return null;
        }
        // A stamp per article instead of a set: each lookup has its own number, so nothing is cleared between lookups.
        if (++_lookup == int.MaxValue)
        {
            Array.Clear(_seen);
            _lookup = 1;
        }
        (int Article, double Jaccard)? best = null;
        var compared = 0;
        foreach (var key in signature.BandKeys(_rowsPerBand))
        {
            for (var entry = _heads[Slot(key)]; entry != Empty && compared < MaxCandidates; entry = _next[entry])
            {
                var article = entry / _bands;
                if (_seen[article] == _lookup)
                {
                    continue;
                }
                _seen[article] = _lookup;
                compared++;
                var jaccard = signature.EstimateJaccard(_signatures.AsSpan(article * _bins, _bins));
                if (best is null || jaccard > best.Value.Jaccard)
                {
                    best = (article, jaccard);
                }
            }
        }
        return best is { } found ? (_articleIds[found.Article], _storyIds[found.Article], found.Jaccard) : null;
    }

    /// <summary>The slot holding the key, or the empty slot where it goes (linear probing).</summary>
    private int Slot(uint key)
    {
        var mask = _keys.Length - 1;
        var slot = (int)(StableHash.Mix(key) & (uint)mask);
        while (_heads[slot] != Empty && _keys[slot] != key)
        {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void EnsureCapacity(int articles)
    {
        if (articles > _articleIds.Length)
        {
            var capacity = (int)Math.Min(Math.Max(articles, (long)_articleIds.Length * 2), MaxArticles(_bins, _bands));
            if (capacity < articles)
            {
                throw new InvalidOperationException(
                    $"The near-identical index holds {Count:N0} articles, as many as one process can at {_bins} MinHash bins; lower Dedup:MinHashCount or start a new dedup database.");
            }
            Array.Resize(ref _signatures, capacity * _bins);
            Array.Resize(ref _articleIds, capacity);
            Array.Resize(ref _storyIds, capacity);
            Array.Resize(ref _next, capacity * _bands);
            Array.Resize(ref _seen, capacity);
        }
        // Keep the table at most 70% full, so linear probes stay short.
        if ((long)(_usedSlots + _bands) * 10 > (long)_keys.Length * 7)
        {
            Rehash(_keys.Length * 2);
        }
    }

    /// <summary>The most articles whose bins and chain links fit in arrays.</summary>
    private static long MaxArticles(int bins, int bands) => Array.MaxLength / Math.Max(bins, bands * 2);

    private void Rehash(int slots)
    {
        var oldKeys = _keys;
        var oldHeads = _heads;
        _keys = new uint[slots];
        _heads = new int[slots];
        Array.Fill(_heads, Empty);
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldHeads[i] != Empty)
            {
                var slot = Slot(oldKeys[i]);
                _keys[slot] = oldKeys[i];
                _heads[slot] = oldHeads[i];
            }
        }
    }
}
