namespace Newsroom.Extraction.Tagging;

/// <summary>
/// A feature is a template and up to three values ("w-1w", "the", "iraq"), hashed to 64 bits without
/// building its string: tagging a token looks up some fifty features, and allocating each as a string
/// cost more than the arithmetic. With a million features, a collision is a one-in-ten-million chance.
/// </summary>
internal static class FeatureHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;
    private const char Separator = '\u001f';

    public static ulong Of(string template, ReadOnlySpan<char> a = default, ReadOnlySpan<char> b = default, ReadOnlySpan<char> c = default)
    {
        var hash = Add(OffsetBasis, template);
        hash = Add(Add(hash, Separator), a);
        hash = Add(Add(hash, Separator), b);
        hash = Add(Add(hash, Separator), c);
        return Finish(hash);
    }

    /// <summary>The same feature as seen in one training domain.</summary>
    public static ulong InDomain(ulong feature, ulong domain) => Finish((feature ^ (domain * Prime)) + 0x9e3779b97f4a7c15);

    private static ulong Add(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = Add(hash, c);
        }

        return hash;
    }

    private static ulong Add(ulong hash, char c) => (hash ^ c) * Prime;

    /// <summary>MurmurHash3's finaliser: spreads FNV's weak low bits over the whole word.</summary>
    private static ulong Finish(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccd;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53;
        hash ^= hash >> 33;
        return hash;
    }
}
