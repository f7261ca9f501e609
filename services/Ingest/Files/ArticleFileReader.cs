using System.IO.Compression;

namespace Newsroom.Ingest;

/// <summary>
/// Reads article files: .txt (a text or page dump), .html and .html.gz (a page), .json (one
/// article object) give one article named by the file (its name without extensions); .jsonl
/// gives one article per line, named by each line's "id".
/// </summary>
public static class ArticleFileReader
{
    /// <summary>No article file is this large; the cap also bounds what a .gz may expand to.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private static readonly string[] Extensions = [".html.gz", ".htm.gz", ".html", ".htm", ".txt", ".jsonl", ".json"];

    public static bool IsArticleFile(string path) => ExtensionOf(path) is not null;

    /// <summary>The file's name without its article extensions, for example "002_e77f" for "002_e77f.html.gz".</summary>
    public static string ClientRefOf(string path)
    {
        var name = Path.GetFileName(path);
        var extension = ExtensionOf(path);
        return extension is null ? name : name[..^extension.Length];
    }

    /// <exception cref="ArticleRejectedException">The file cannot be read as articles (for .jsonl: any line is bad); the reason names the file.</exception>
    public static IReadOnlyList<RawArticle> Read(string path)
    {
        var items = ReadItems(path);
        var errors = items.Where(i => i.Error is not null).Select(i => i.Error).ToList();
        if (errors.Count > 0)
        {
            throw new ArticleRejectedException(
                $"{Path.GetFileName(path)}: {string.Join("; ", errors)}. Fix these lines (JsonLinesArticleReader reads the good lines of a file on their own)");
        }
        return items.Select(i => i.Article!).ToList();
    }

    /// <summary>Like <see cref="Read"/>, but a .jsonl file's bad lines come back as items with their error instead of failing the file.</summary>
    internal static IReadOnlyList<JsonLinesItem> ReadItems(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        var extension = ExtensionOf(path)
            ?? throw new ArticleRejectedException($"{name}: not an article file; use .txt, .html, .html.gz, .json or .jsonl");
        var clientRef = ClientRefOf(path);
        var bytes = ReadBytes(path, name, compressed: extension.EndsWith(".gz", StringComparison.Ordinal));
        var isHtml = extension.Contains(".htm", StringComparison.Ordinal);
        var text = ArticleTextDecoder.Decode(bytes, isHtml, name);
        switch (extension)
        {
            case ".jsonl":
                return JsonLinesArticleReader.Read(new StringReader(text)).Select(i => i.Article is { } a ? i with { Article = a with { Origin = name } } : i).ToList();
            case ".json":
                var item = JsonLinesArticleReader.Parse(text, 1, clientRef);
                return item.Article is { } parsed
                    ? [item with { Article = parsed with { Origin = name } }]
                    : throw new ArticleRejectedException($"{name}: {item.Error!.Replace("line 1 ", "the file ", StringComparison.Ordinal)}");
            default:
                var article = isHtml
                    ? new RawArticle { ClientRef = clientRef, Origin = name, Html = text }
                    : new RawArticle { ClientRef = clientRef, Origin = name, Text = text };
                return [new JsonLinesItem(1, article, null)];
        }
    }

    private static byte[] ReadBytes(string path, string name, bool compressed)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using Stream source = compressed ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxFileBytes)
                {
                    throw new ArticleRejectedException($"{name}: larger than {MaxFileBytes:N0} bytes{(compressed ? " once decompressed" : "")}; split it into smaller files");
                }
            }
            return buffer.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new ArticleRejectedException($"{name}: not a valid gzip file ({e.Message}); compress it with gzip or save it as .html", e);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ArticleRejectedException($"{name}: the file does not exist", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ArticleRejectedException($"{name}: no permission to read the file", e);
        }
    }

    private static string? ExtensionOf(string path) =>
        Extensions.FirstOrDefault(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) is { } extension
            ? path[^extension.Length..].ToLowerInvariant()
            : null;
}
