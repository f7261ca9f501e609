namespace Newsroom.Dedup;

/// <summary>
/// A MinHash signature: for each of <c>k</c> hash functions the smallest hash over the text's
/// shingles. The share of equal positions estimates the Jaccard similarity of the shingle sets;
/// equal bands (runs of rows) make the LSH keys that find candidates without a scan.
/// </summary>
internal sealed class MinHashSignature
{
    private readonly uint[] _values;

    private MinHashSignature(uint[] values) => _values = values;

    public int Length => _values.Length;

    public static MinHashSignature Compute(IReadOnlyCollection<ulong> shingles, int hashCount)
    {
        var values = new uint[hashCount];
        Array.Fill(values, uint.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < hashCount; i++)
            {
                var hash = (uint)StableHash.Mix(shingle + ((ulong)i * 0x9E3779B97F4A7C15UL));
                if (hash < values[i])
                {
                    values[i] = hash;
                }
            }
        }
        return new MinHashSignature(values);
    }

    public static MinHashSignature FromBytes(byte[] bytes)
    {
        var values = new uint[bytes.Length / sizeof(uint)];
        Buffer.BlockCopy(bytes, 0, values, 0, values.Length * sizeof(uint));
        return new MinHashSignature(values);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[_values.Length * sizeof(uint)];
        Buffer.BlockCopy(_values, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    /// <summary>Estimated Jaccard similarity of the two shingle sets; 0 for signatures of different shapes.</summary>
    public double EstimateJaccard(MinHashSignature other)
    {
        if (other._values.Length != _values.Length || _values.Length == 0)
        {
            return 0;
        }
        var equal = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] == other._values[i] && _values[i] != uint.MaxValue)
            {
                equal++;
            }
        }
        return (double)equal / _values.Length;
    }

    /// <summary>One key per band of <paramref name="rowsPerBand"/> rows; the band index is part of the key.</summary>
    public long[] BandKeys(int rowsPerBand)
    {
        var bands = _values.Length / rowsPerBand;
        var keys = new long[bands];
        for (var band = 0; band < bands; band++)
        {
            var key = StableHash.Mix((ulong)band + 1);
            for (var row = 0; row < rowsPerBand; row++)
            {
                key = StableHash.Mix(key ^ _values[(band * rowsPerBand) + row]);
            }
            keys[band] = unchecked((long)key);
        }
        return keys;
    }
}
