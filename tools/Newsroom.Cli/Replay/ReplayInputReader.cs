using System.Globalization;
using System.Text.Json;
using Newsroom.Cli.Ingest;
using Newsroom.Ingest;

namespace Newsroom.Cli.Replay;

/// <summary>
/// Reads replay inputs: a JSON Lines file (each line an article with its "id"), or a folder read
/// as the watched-folder source reads it (each file with ArticleFileReader, sorted by file name; the id of
/// a file's article is the file name without its extensions, of a .jsonl line its "id").
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
            "pass --input with a .jsonl file (one article per line with \"id\" and \"text\" or \"html\") or a folder of article files");
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
        var lines = File.ReadAllLines(path);
        using var reader = new StringReader(string.Join('\n', lines));
        foreach (var item in JsonLinesArticleReader.Read(reader))
        {
            var id = item.Article?.ClientRef is { Length: > 0 } clientRef ? clientRef : IdOnLine(lines, item.LineNumber);
            yield return item.Article is null
                ? new ReplayInput(id, null, item.Error ?? $"line {item.LineNumber} is not an article")
                : new ReplayInput(id, item.Article, null);
        }
    }

    /// <summary>The "id" of a line the reader rejected, when the line is JSON enough to have one.</summary>
    private static string IdOnLine(string[] lines, int lineNumber)
    {
        var fallback = string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}");
        if (lineNumber < 1 || lineNumber > lines.Length)
        {
            return fallback;
        }

        try
        {
            using var document = JsonDocument.Parse(lines[lineNumber - 1]);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: > 0 } text
                ? text
                : fallback;
        }
        catch (JsonException)
        {
            return fallback;
        }
    }
}
