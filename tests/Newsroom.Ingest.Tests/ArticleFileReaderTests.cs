using System.IO.Compression;
using System.Text;
using Xunit;

namespace Newsroom.Ingest.Tests;

public sealed class ArticleFileReaderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ingest-files-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Each_single_article_format_gives_one_article_named_by_the_file()
    {
        var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write("<html><body><p>Zipped.</p></body></html>"u8);
        }

        Assert.Equal(new RawArticle { ClientRef = "002_e77f", Origin = "002_e77f.txt", Text = "Plain." }, ArticleFileReader.Read(Write("002_e77f.txt", "Plain."u8.ToArray())).Single());
        Assert.Equal("<p>Page.</p>", ArticleFileReader.Read(Write("page.html", "<p>Page.</p>"u8.ToArray())).Single().Html);
        Assert.Equal(("zipped", "<html><body><p>Zipped.</p></body></html>"), ArticleFileReader.Read(Write("zipped.html.gz", gz.ToArray())).Single() is var z ? (z.ClientRef, z.Html) : default);
        var json = ArticleFileReader.Read(Write("one.json", """{"id":"ignored","text":"Body.","title":"T","published":"2024-01-31T13:58:00Z"}"""u8.ToArray())).Single();
        Assert.Equal(("one", "one.json", "Body.", "T", new DateTimeOffset(2024, 1, 31, 13, 58, 0, TimeSpan.Zero)), (json.ClientRef, json.Origin, json.Text, json.Title, json.Published!.Value));
        Assert.True(ArticleFileReader.IsArticleFile("a.HTML.gz"));
        Assert.False(ArticleFileReader.IsArticleFile("a.pdf"));
    }

    [Fact]
    public void Html_in_a_declared_legacy_charset_is_decoded()
    {
        var bytes = Encoding.Latin1.GetBytes("<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\u00e9 society.</p></body></html>");
        Assert.Contains("Caf\u00e9", ArticleFileReader.Read(Write("legacy.html", bytes)).Single().Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_without_a_charset_is_rejected_naming_the_file()
    {
        var error = Assert.Throws<ArticleRejectedException>(() => ArticleFileReader.Read(Write("latin.txt", Encoding.Latin1.GetBytes("Caf\u00e9 society."))));
        Assert.Contains("latin.txt: not valid UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_gzip_file_is_rejected()
    {
        var error = Assert.Throws<ArticleRejectedException>(() => ArticleFileReader.Read(Write("broken.html.gz", "not gzip at all"u8.ToArray())));
        Assert.Contains("broken.html.gz: not a valid gzip file", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lines_report_a_bad_line_and_keep_reading()
    {
        const string lines = """
            {"id":"a","text":"First.","url":"https://example.com/a","source":"Wire"}
            {"id":"b","text": oops}
            {"id":"c"}
            {"text":"no id"}

            {"id":"d","html":"<p>Fourth.</p>","published":"yesterday"}
            {"id":"e","html":"<p>Fifth.</p>","published":"2024-03-01"}
            """;
        var items = JsonLinesArticleReader.Read(new StringReader(lines)).ToList();

        Assert.Equal([1, 2, 3, 4, 6, 7], items.Select(i => i.LineNumber));
        Assert.Equal(new RawArticle { ClientRef = "a", Text = "First.", Url = "https://example.com/a", Source = "Wire" }, items[0].Article);
        Assert.Contains("line 2 is not valid JSON", items[1].Error, StringComparison.Ordinal);
        Assert.Contains("neither \"text\" nor \"html\"", items[2].Error, StringComparison.Ordinal);
        Assert.Contains("has no \"id\"", items[3].Error, StringComparison.Ordinal);
        Assert.Contains("not an ISO 8601 date", items[4].Error, StringComparison.Ordinal);
        Assert.Equal("<p>Fifth.</p>", items[5].Article!.Html);

        var error = Assert.Throws<ArticleRejectedException>(() => ArticleFileReader.Read(Write("batch.jsonl", Encoding.UTF8.GetBytes(lines))));
        Assert.Contains("batch.jsonl: line 2", error.Reason, StringComparison.Ordinal);
    }
}
