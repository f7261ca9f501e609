using System.Text;

namespace Newsroom.Dedup;

/// <summary>
/// 64-bit hashes that are the same in every process and on every machine (string.GetHashCode is
/// randomised per process), so signatures and band keys stored in one run match those of the next.
/// </summary>
internal static class StableHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public static ulong Of(string text)
    {
        var hash = FnvOffset;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= FnvPrime;
        }
        return Mix(hash);
    }

    /// <summary>The SplitMix64 finaliser: spreads every input bit over the whole output.</summary>
    public static ulong Mix(ulong value)
    {
        value ^= value >> 30;
        value *= 0xBF58476D1CE4E5B9UL;
        value ^= value >> 27;
        value *= 0x94D049BB133111EBUL;
        value ^= value >> 31;
        return value;
    }
}
