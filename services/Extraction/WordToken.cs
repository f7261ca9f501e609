namespace Newsroom.Extraction;

/// <summary>A word of a text with its character range; <see cref="Gap"/> is the text between it and the previous word.</summary>
internal readonly record struct WordToken(string Text, int Start, int End, string Gap, bool StartsSentence)
{
    public bool IsCapitalised => NameStart(Text) is var i && i < Text.Length && char.IsUpper(Text[i]);

    public bool IsAcronym => Text.Length is >= 2 and <= 6 && Text.All(c => char.IsUpper(c) || c == '.' || char.IsDigit(c)) && char.IsLetter(Text[0]);

    /// <summary>Whether only spaces separate this word from the previous one (no punctuation, no line break).</summary>
    public bool JoinsPrevious => Gap.Length > 0 && Gap.All(c => c == ' ');

    /// <summary>Where the name proper starts: after an Arabic article prefix such as "al-".</summary>
    public static int NameStart(string word)
    {
        var hyphen = word.IndexOf('-', StringComparison.Ordinal);
        return hyphen is > 0 and <= 3 && hyphen + 1 < word.Length ? hyphen + 1 : 0;
    }
}
