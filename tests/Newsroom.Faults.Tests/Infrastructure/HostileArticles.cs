using System.Text;
using Google.Protobuf;
using Newsroom.Contracts.V1;

namespace Newsroom.Faults.Tests.Infrastructure;

/// <summary>The inputs that once crashed or stalled ingest, built the way a hostile or broken client would send them.</summary>
public static class HostileArticles
{
    /// <summary>The word the Latin-1 page's title holds, which a decoder that honours the page's charset reads back.</summary>
    public const string Latin1Word = "Café";

    /// <summary>A 330 KB page: three paragraphs, then 30,000 nested &lt;div&gt; (a recursive walk overflows the stack).</summary>
    public static SubmitArticleRequest DeepDivs() => Html("deep-divs", Nested(30_000, "<p>The end.</p>"));

    /// <summary>A 1.1 MB page nested 100,000 levels (the HTML parser spent minutes of CPU on it).</summary>
    public static SubmitArticleRequest DeeperNesting() => Html("deeper-nesting", Nested(100_000, ""));

    /// <summary>A good article under a 2.6 MB title.</summary>
    public static SubmitArticleRequest HugeTitle() => new()
    {
        ClientRef = "huge-title",
        Url = "https://hostile.example/huge-title",
        Title = string.Concat(Enumerable.Repeat("Harbour wall collapses ", 113_000)),
        Text = FaultArticles.Text(90_001),
    };

    /// <summary>
    /// SubmitArticle's bytes with an <c>html</c> field that is not UTF-8: a page that declares
    /// windows-1252 and is encoded so. Google.Protobuf only writes valid UTF-8, so the message is written field by field.
    /// </summary>
    public static byte[] Latin1PageMessage()
    {
        var page = $"<html><head><meta charset=\"windows-1252\"><title>{Latin1Word} owners of Brisk protest new rents</title></head><body>" +
                   string.Concat(FaultArticles.Text(90_002).Split("\n\n").Select(p => $"<p>{p} The {Latin1Word.ToLowerInvariant()} owners met again.</p>")) +
                   "</body></html>";
        using var stream = new MemoryStream();
        var message = new CodedOutputStream(stream);
        message.WriteTag(SubmitArticleRequest.ClientRefFieldNumber, WireFormat.WireType.LengthDelimited);
        message.WriteString("latin1-page");
        message.WriteTag(SubmitArticleRequest.UrlFieldNumber, WireFormat.WireType.LengthDelimited);
        message.WriteString("https://hostile.example/latin1-page");
        message.WriteTag(SubmitArticleRequest.HtmlFieldNumber, WireFormat.WireType.LengthDelimited);
        message.WriteBytes(ByteString.CopyFrom(Encoding.Latin1.GetBytes(page)));
        message.Flush();
        return stream.ToArray();
    }

    /// <summary>20 MB of one letter, a few KB once gzip-compressed: sent compressed, it inflates far past any message limit.</summary>
    public static SubmitArticleRequest GzipBomb() => new()
    {
        ClientRef = "gzip-bomb",
        Url = "https://hostile.example/gzip-bomb",
        Text = new string('a', 20_000_000),
    };

    private static SubmitArticleRequest Html(string clientRef, string nested) => new()
    {
        ClientRef = clientRef,
        Url = $"https://hostile.example/{clientRef}",
        Html = "<html><head><title>Ferry strike ends in Corvale</title></head><body>" +
               string.Concat(FaultArticles.Text(clientRef.Length * 1000 + 90_000).Split("\n\n").Select(p => $"<p>{p}</p>")) +
               nested + "</body></html>",
    };

    private static string Nested(int depth, string inner) =>
        string.Concat(Enumerable.Repeat("<div>", depth)) + inner + string.Concat(Enumerable.Repeat("</div>", depth));
}
