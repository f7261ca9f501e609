namespace Newsroom.Extraction;

/// <summary>Arabic article prefixes written on a name with a hyphen ("al-Sudani", "el-Sisi", "Al-Aqsa").</summary>
internal static class NamePrefix
{
    /// <summary>Where the name proper starts: after a prefix of one to three letters and a hyphen.</summary>
    public static int NameStart(string word)
    {
        var hyphen = word.IndexOf('-', StringComparison.Ordinal);
        return hyphen is > 0 and <= 3 && hyphen + 1 < word.Length ? hyphen + 1 : 0;
    }
}
