namespace Newsroom.Extraction.Tagging;

/// <summary>How a sentence is cased: capitals carry little information in a headline or in all-caps text.</summary>
internal enum SentenceMode
{
    Normal,
    TitleCase,
    AllCaps,
}
