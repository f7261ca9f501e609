using System.Text.Json;
using AngleSharp.Dom;

namespace Newsroom.Ingest;

/// <summary>The JSON-LD blocks of a page (schema.org metadata), and a search for a property through them.</summary>
internal static class JsonLinkedData
{
    /// <summary>Every block that parses; a malformed block is skipped, as browsers and crawlers skip it.</summary>
    public static List<JsonElement> Read(IDocument document) =>
        document.QuerySelectorAll("script[type='application/ld+json']")
            .Select(script => script.TextContent)
            .SelectMany(Parse)
            .ToList();

    /// <summary>The first value of a property, depth first through objects, arrays and @graph; JsonDocument stops nesting at 64 levels.</summary>
    public static JsonElement? Find(JsonElement element, string property)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty(property, out var value) && value.ValueKind is not JsonValueKind.Null)
            {
                return value;
            }
            foreach (var child in element.EnumerateObject())
            {
                if (Find(child.Value, property) is { } found)
                {
                    return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in element.EnumerateArray())
            {
                if (Find(child, property) is { } found)
                {
                    return found;
                }
            }
        }
        return null;
    }

    public static string? StringOf(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.String } value && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString()!.Trim() : null;

    private static IEnumerable<JsonElement> Parse(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return [json.RootElement.Clone()];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
