namespace Newsroom.Query;

/// <summary>The opening paragraph of an article's text (ingest separates paragraphs with line breaks).</summary>
internal static class LeadParagraph
{
    public static string Of(string text) =>
        text.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "";
}
