using System.Globalization;
using System.Text.Json;

namespace Newsroom.Ingest;

/// <summary>
/// Reads articles from JSON Lines: one object per line with "id" (required), "text" or "html"
/// (one required), and optional "title", "url", "source", "published" (ISO 8601). A bad line
/// yields an item with its error; the lines after it are still read. Blank lines are skipped.
/// </summary>
public static class JsonLinesArticleReader
{
    public static IEnumerable<JsonLinesItem> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadLines(reader);
    }

    private static IEnumerable<JsonLinesItem> ReadLines(TextReader reader)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            yield return Parse(line, lineNumber, clientRef: null);
        }
    }

    /// <summary>Parses one JSON article object; <paramref name="clientRef"/> replaces a missing "id" (for .json files named by their file).</summary>
    public static JsonLinesItem Parse(string json, int lineNumber, string? clientRef)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement, lineNumber, clientRef);
        }
        catch (JsonException e)
        {
            return Error(lineNumber, $"is not valid JSON ({e.Message})");
        }
    }

    /// <summary>Reads an article from a JSON value already parsed, for a caller that reads other fields of the same object.</summary>
    public static JsonLinesItem Parse(JsonElement root, int lineNumber, string? clientRef)
    {
        try
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Error(lineNumber, "is not a JSON object; write one article object per line");
            }
            var id = clientRef ?? Field(root, "id");
            if (string.IsNullOrWhiteSpace(id))
            {
                return Error(lineNumber, "has no \"id\"; give every article an id");
            }
            var text = Field(root, "text");
            var html = Field(root, "html");
            if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html))
            {
                return Error(lineNumber, $"({id}) has neither \"text\" nor \"html\"; give the article's body in one of them");
            }
            DateTimeOffset? published = null;
            if (Field(root, "published") is { Length: > 0 } publishedText)
            {
                if (!DateTimeOffset.TryParse(publishedText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return Error(lineNumber, $"({id}) has \"published\": \"{publishedText}\", which is not an ISO 8601 date such as 2024-01-31T13:58:00Z");
                }
                published = parsed;
            }
            var article = new RawArticle
            {
                ClientRef = id.Trim(),
                Text = string.IsNullOrWhiteSpace(html) ? text : null,
                Html = string.IsNullOrWhiteSpace(html) ? null : html,
                Title = Field(root, "title"),
                Url = Field(root, "url"),
                Source = Field(root, "source"),
                Published = published,
            };
            return new JsonLinesItem(lineNumber, article, null);
        }
        catch (InvalidOperationException e)
        {
            return Error(lineNumber, $"has a field of the wrong type ({e.Message}); fields are strings");
        }
    }

    private static JsonLinesItem Error(int lineNumber, string problem) => new(lineNumber, null, $"line {lineNumber} {problem}");

    // Strings as they are; numbers (an id of 42) as their JSON text; null and absent as null.
    private static string? Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Null => null,
                _ => throw new InvalidOperationException($"\"{name}\" is {value.ValueKind}"),
            }
            : null;
}
