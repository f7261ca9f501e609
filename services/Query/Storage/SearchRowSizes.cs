using System.Collections.Concurrent;
using System.Data.Common;
using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

/// <summary>
/// The length in tokens of each row of the SQLite search index, kept in memory for ranking (<see cref="Bm25WithWordCounts"/>).
/// FTS5 reads a row's length from its docsize table, with a statement of its own, for every match it ranks: at a
/// million articles that was a third of a search for a common word, against a lookup in an array here. The lengths
/// are read when the store opens and follow the rows its writes put in place; a row they do not know is measured by
/// FTS5 as before. A search that runs while a row is rewritten may rank that row with its new length.
/// </summary>
internal sealed class SearchRowSizes
{
    /// <summary>Rows past this key are left to FTS5, which bounds the memory (4 bytes a key) whatever keys a file holds.</summary>
    public const long MaxKey = 1L << 26;

    /// <summary>The live instances by id: a search names its sizes by id in its SQL (<see cref="Find"/>).</summary>
    private static readonly ConcurrentDictionary<long, WeakReference<SearchRowSizes>> Instances = new();
    private static long _lastId;

    /// <summary>By row key; 0 where the length is not known. Replaced, never resized in place, so a reader sees one whole array.</summary>
    private volatile int[] _sizes = [];
    private volatile bool _loaded;

    public SearchRowSizes()
    {
        Id = Interlocked.Increment(ref _lastId);
        foreach (var (id, instance) in Instances)
        {
            if (!instance.TryGetTarget(out _))
            {
                Instances.TryRemove(id, out _);
            }
        }

        Instances[Id] = new WeakReference<SearchRowSizes>(this);
    }

    /// <summary>What names these sizes to the ranking function; never 0, which stands for none.</summary>
    public long Id { get; }

    public static SearchRowSizes? Find(long id) =>
        Instances.TryGetValue(id, out var instance) && instance.TryGetTarget(out var sizes) ? sizes : null;

    /// <summary>The row's length in tokens over all columns, when known.</summary>
    public bool TryGet(long key, out int size)
    {
        var sizes = _sizes;
        size = key >= 0 && key < sizes.Length ? sizes[key] : 0;
        return size > 0;
    }

    /// <summary>False until <see cref="Load"/>, and again after <see cref="Forget"/>.</summary>
    public bool Loaded => _loaded;

    /// <summary>Reads the length of every row of <c>story_search</c> with <paramref name="command"/> (about 0.2 s at a million stories).</summary>
    public void Load(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.CommandText = "SELECT id, sz FROM story_search_docsize WHERE id BETWEEN 0 AND @max ORDER BY id DESC";
        command.With("@max", MaxKey - 1);
        using var reader = command.ExecuteReader();
        int[] sizes = [];
        while (reader.Read())
        {
            var key = reader.GetInt64(0);
            if (sizes.Length == 0)
            {
                // The first row has the greatest key.
                sizes = new int[key + 1];
            }

            sizes[key] = Total((byte[])reader.GetValue(1));
        }

        _sizes = sizes;
        _loaded = true;
    }

    /// <summary>Records a row's length from its docsize blob, after the store wrote the row.</summary>
    public void Record(long key, ReadOnlySpan<byte> docsize)
    {
        if (!_loaded || key < 0 || key >= MaxKey)
        {
            return;
        }

        var sizes = _sizes;
        if (key >= sizes.Length)
        {
            var grown = new int[Math.Min(MaxKey, Math.Max(key + 1, sizes.Length * 2L))];
            sizes.CopyTo(grown, 0);
            sizes = grown;
        }

        sizes[key] = Total(docsize);
        _sizes = sizes;
    }

    /// <summary>Forgets every length, after a write that did not commit: FTS5 measures rows until the next write loads them again.</summary>
    public void Forget()
    {
        _loaded = false;
        _sizes = [];
    }

    /// <summary>The sum of a docsize blob's varints (SQLite's format), one per column; 0 for a damaged blob, which leaves the row to FTS5.</summary>
    internal static int Total(ReadOnlySpan<byte> docsize)
    {
        long total = 0;
        var i = 0;
        while (i < docsize.Length)
        {
            long value = 0;
            var length = 0;
            while (true)
            {
                if (i >= docsize.Length)
                {
                    return 0;
                }

                var b = docsize[i++];
                length++;
                if (length == 9)
                {
                    value = (value << 8) | b;
                    break;
                }

                value = (value << 7) | (uint)(b & 0x7F);
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            total += value;
            if (total > int.MaxValue)
            {
                return 0;
            }
        }

        return (int)total;
    }
}
