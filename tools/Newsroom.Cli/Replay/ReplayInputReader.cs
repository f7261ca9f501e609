using System.Globalization;
using System.Text.Json;
using Newsroom.Cli.Ingest;
using Newsroom.Ingest;

namespace Newsroom.Cli.Replay;

/// <summary>
/// Reads replay inputs: a JSON Lines file (each line an article with its "id", or "doc_id" as evaluation sets
/// name it), or a folder read as the watched-folder source reads it (each file with ArticleFileReader, sorted by
/// file name; the id of a file's article is the file name without its extensions, of a .jsonl line its "id").
/// </summary>
internal static class ReplayInputReader
{
    public static IEnumerable<ReplayInput> Read(string input)
    {
        if (Directory.Exists(input))
        {
            return ReadFolder(input);
        }

        if (File.Exists(input))
        {
            return ReadJsonLines(input);
        }

        throw new CommandFailedException(
            $"the replay input '{input}' does not exist",
            "pass --input with a .jsonl file (one article per line with \"id\" or \"doc_id\" and \"text\" or \"html\") or a folder of article files");
    }

    /// <summary>How many articles to expect, when that is known before reading: one per file of a folder.</summary>
    public static int? CountHint(string input) =>
        Directory.Exists(input) ? IngestInputReader.ArticleFilesIn(input).Count : null;

    private static IEnumerable<ReplayInput> ReadFolder(string folder)
    {
        foreach (var path in IngestInputReader.ArticleFilesIn(folder).OrderBy(Path.GetFileName, StringComparer.Ordinal))
        {
            // The reader names a file's article by the file, and each article of a .jsonl by its "id".
            foreach (var input in ReadFile(path))
            {
                yield return input;
            }
        }
    }

    private static List<ReplayInput> ReadFile(string path)
    {
        try
        {
            return ArticleFileReader.Read(path).Select(article => new ReplayInput(article.ClientRef, article, null)).ToList();
        }
        catch (ArticleRejectedException exception)
        {
            return [new ReplayInput(ArticleFileReader.ClientRefOf(path), null, exception.Reason)];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [new ReplayInput(ArticleFileReader.ClientRefOf(path), null, $"cannot read {Path.GetFileName(path)}: {exception.Message}; check that the file is readable")];
        }
    }

    private static IEnumerable<ReplayInput> ReadJsonLines(string path)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return ReadLine(line, lineNumber);
            }
        }
    }

    private static ReplayInput ReadLine(string line, int lineNumber)
    {
        var fallbackId = string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return new ReplayInput(fallbackId, null, JsonLinesArticleReader.Parse(line, lineNumber, clientRef: null).Error);
        }

        using (document)
        {
            var root = document.RootElement;
            var id = root.ValueKind == JsonValueKind.Object ? IdOf(root) : null;
            return FromLine(root, lineNumber, id, id ?? fallbackId);
        }
    }

    /// <summary>An article line's id: "doc_id", as evaluation sets name it, or "id"; null when it has neither.</summary>
    internal static string? IdOf(JsonElement line) => Label(line, "doc_id") ?? Label(line, "id");

    /// <summary>The article of a line (or why it is none), named <paramref name="name"/>; <paramref name="id"/> replaces its "id".</summary>
    internal static ReplayInput FromLine(JsonElement line, int lineNumber, string? id, string name)
    {
        var parsed = JsonLinesArticleReader.Parse(line, lineNumber, id);
        return parsed.Article is { } article
            ? new ReplayInput(name, article, null)
            : new ReplayInput(name, null, parsed.Error ?? $"line {lineNumber} is not an article");
    }

    /// <summary>A string or number field as text; null when absent or empty.</summary>
    internal static string? Label(JsonElement line, string name) =>
        line.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String when value.GetString() is { Length: > 0 } text => text,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
