namespace Newsroom.Dedup;

/// <summary>
/// A MinHash signature by one-permutation hashing (Li, Owen and Zhang 2012): each shingle is hashed
/// once, its hash picks one of <c>k</c> bins, and each bin keeps its smallest hash; an empty bin takes
/// its nearest non-empty neighbour's value, mixed with the distance (Shrivastava and Li 2014), so short
/// texts still compare. Each bin keeps 16 bits of its minimum (b-bit MinHash, Li and König 2010): the
/// share of equal bins still estimates the Jaccard similarity of the shingle sets, at 2 bytes a bin.
/// Equal bands (runs of bins) make the LSH keys that find candidates without a scan.
/// </summary>
internal sealed class MinHashSignature
{
    private readonly ushort[] _values;

    private MinHashSignature(ushort[] values) => _values = values;

    public int Length => _values.Length;

    public static MinHashSignature Compute(IReadOnlyCollection<ulong> shingles, int binCount)
    {
        var minimums = new ulong[binCount];
        Array.Fill(minimums, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            var hash = StableHash.Mix(shingle ^ 0x9E3779B97F4A7C15UL);
            var bin = (int)((hash >> 32) % (ulong)binCount);
            var value = hash & 0xFFFFFFFFUL;
            if (value < minimums[bin])
            {
                minimums[bin] = value;
            }
        }

        var values = new ushort[binCount];
        if (shingles.Count == 0)
        {
            return new MinHashSignature(values);
        }
        for (var bin = 0; bin < binCount; bin++)
        {
            var distance = 0;
            var source = bin;
            while (minimums[source] == ulong.MaxValue)
            {
                distance++;
                source = (source + 1) % binCount;
            }
            var value = distance == 0 ? minimums[source] : StableHash.Mix(minimums[source] + ((ulong)distance * 0xD1B54A32D192ED03UL));
            values[bin] = (ushort)(value >> 16);
        }
        return new MinHashSignature(values);
    }

    public static MinHashSignature FromBytes(byte[] bytes)
    {
        var values = new ushort[bytes.Length / sizeof(ushort)];
        Buffer.BlockCopy(bytes, 0, values, 0, values.Length * sizeof(ushort));
        return new MinHashSignature(values);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[_values.Length * sizeof(ushort)];
        Buffer.BlockCopy(_values, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    /// <summary>The bins, for an index that keeps many signatures in one array.</summary>
    public ReadOnlySpan<ushort> Values => _values;

    /// <summary>Estimated Jaccard similarity of the two shingle sets; 0 for signatures of different shapes.</summary>
    public double EstimateJaccard(ReadOnlySpan<ushort> other)
    {
        if (other.Length != _values.Length || _values.Length == 0)
        {
            return 0;
        }
        var equal = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] == other[i])
            {
                equal++;
            }
        }
        return (double)equal / _values.Length;
    }

    /// <summary>One 32-bit key per band of <paramref name="rowsPerBand"/> bins; the band's position is part of the key.</summary>
    public uint[] BandKeys(int rowsPerBand)
    {
        var bands = _values.Length / rowsPerBand;
        var keys = new uint[bands];
        for (var band = 0; band < bands; band++)
        {
            var key = StableHash.Mix((ulong)band + 1);
            for (var row = 0; row < rowsPerBand; row++)
            {
                key = StableHash.Mix(key ^ _values[(band * rowsPerBand) + row]);
            }
            keys[band] = (uint)key;
        }
        return keys;
    }
}
