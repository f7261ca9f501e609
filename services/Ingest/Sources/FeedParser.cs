using System.Xml;
using System.Xml.Linq;

namespace Newsroom.Ingest;

/// <summary>
/// Reads RSS 2.0 (and RSS 1.0/RDF) and Atom 1.0 into raw articles: each entry's link, title,
/// published date and full content (content:encoded, Atom content) or else its summary.
/// The XML is parsed with DTDs prohibited and no resolver, so entity tricks cannot expand or fetch.
/// </summary>
internal static class FeedParser
{
    public const string DtdRefused = "XML with a DTD is refused (entity expansion risk); remove the DOCTYPE";

    // Reading an element's text and writing xhtml content recurse into the tree, so its depth is
    // bounded before anything reads it; real feeds nest a few levels, their xhtml a few dozen.
    public const int MaxDepth = 256;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <exception cref="ArticleRejectedException">The document is not a readable feed; the reason says why.</exception>
    public static IReadOnlyList<RawArticle> Parse(Stream xml, Uri feedUrl, string feedName)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = ArticleFileReader.MaxFileBytes,
            Async = false,
        };
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArticleRejectedException($"feed {feedName}: {DtdRefused}", e);
        }
        catch (XmlException e)
        {
            throw new ArticleRejectedException($"feed {feedName}: not well-formed XML ({e.Message}); check that the URL serves an RSS or Atom feed", e);
        }

        var root = document.Root!;
        if (DepthOf(root) > MaxDepth)
        {
            throw new ArticleRejectedException($"feed {feedName}: elements are nested more than {MaxDepth} levels deep; no feed needs that, check the URL");
        }
        return root.Name.LocalName switch
        {
            "rss" or "RDF" => ReadRss(root, feedUrl),
            "feed" when root.Name.Namespace == Atom => ReadAtom(root, feedUrl),
            _ => throw new ArticleRejectedException($"feed {feedName}: the document is <{root.Name.LocalName}>, not an RSS or Atom feed; check the URL"),
        };
    }

    private static List<RawArticle> ReadRss(XElement root, Uri feedUrl)
    {
        var channel = root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
        var outlet = Value(channel?.Elements().FirstOrDefault(e => e.Name.LocalName == "title"));
        return root.Descendants().Where(e => e.Name.LocalName == "item").Select(item =>
        {
            string? Child(string name) => Value(item.Elements().FirstOrDefault(e => e.Name.LocalName == name && e.Name.Namespace != Content));
            var link = Resolve(Child("link"), feedUrl);
            return new RawArticle
            {
                ClientRef = Child("guid") ?? link ?? Child("title") ?? "",
                Url = link,
                Title = Child("title"),
                Source = outlet,
                Published = PublicationDates.ParseMachine(Child("pubDate") ?? Value(item.Element(DublinCore + "date"))),
                Html = Value(item.Element(Content + "encoded")) ?? Child("description"),
            };
        }).ToList();
    }

    private static List<RawArticle> ReadAtom(XElement root, Uri feedUrl)
    {
        var outlet = Value(root.Element(Atom + "title"));
        return root.Elements(Atom + "entry").Select(entry =>
        {
            var link = entry.Elements(Atom + "link")
                .FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
            var body = entry.Element(Atom + "content") ?? entry.Element(Atom + "summary");
            var type = (string?)body?.Attribute("type") ?? "text";
            var url = Resolve(link, feedUrl);
            return new RawArticle
            {
                ClientRef = Value(entry.Element(Atom + "id")) ?? url ?? "",
                Url = url,
                Title = Value(entry.Element(Atom + "title")),
                Source = outlet,
                Published = PublicationDates.ParseMachine(Value(entry.Element(Atom + "published")) ?? Value(entry.Element(Atom + "updated"))),
                Html = type is "html" or "xhtml" ? AtomHtml(body!, type) : null,
                Text = type is "html" or "xhtml" ? null : Value(body),
            };
        }).ToList();
    }

    // xhtml content is markup inside one <div>; html content is escaped markup.
    private static string? AtomHtml(XElement body, string type) =>
        type == "xhtml" ? string.Concat(body.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))) : Value(body);

    // Parents come before their children in document order, so one pass finds every depth without recursion.
    private static int DepthOf(XElement root)
    {
        var depths = new Dictionary<XElement, int> { [root] = 1 };
        var deepest = 1;
        foreach (var element in root.Descendants())
        {
            var depth = depths[element.Parent!] + 1;
            depths[element] = depth;
            deepest = Math.Max(deepest, depth);
        }
        return deepest;
    }

    private static string? Value(XElement? element) => element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();

    private static string? Resolve(string? link, Uri feedUrl) =>
        link is not null && Uri.TryCreate(feedUrl, link, out var absolute) ? absolute.ToString() : link;
}
