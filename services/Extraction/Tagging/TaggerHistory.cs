namespace Newsroom.Extraction.Tagging;

/// <summary>The tag history before a sentence's first tokens.</summary>
internal static class TaggerHistory
{
    public const string None = "<none>";
}
