namespace Newsroom.Query;

/// <summary>The opening paragraph of an article's text (ingest separates paragraphs with line breaks).</summary>
internal static class LeadParagraph
{
    /// <summary>Reads only as far as the first non-blank line, however long the text.</summary>
    public static string Of(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf('\n');
            var line = (end < 0 ? rest : rest[..end]).Trim();
            if (!line.IsEmpty)
            {
                return line.ToString();
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return "";
    }
}
