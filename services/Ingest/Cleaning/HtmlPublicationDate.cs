using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;

namespace Newsroom.Ingest;

/// <summary>
/// A page's publication date, from the first source that gives a plausible one: meta tags,
/// JSON-LD, &lt;time&gt; elements, the URL, then a date line in the text. Time elements and date
/// lines in the site's header, navigation or footer are skipped (a header shows today's date,
/// not the article's), and a date line under the headline beats one above it.
/// </summary>
internal static class HtmlPublicationDate
{
    private const int MaxDateLineLength = 80;

    private static readonly string[] JsonLdProperties = ["datePublished", "dateCreated"];

    private static readonly string[] MetaNames =
        ["article:published_time", "datePublished", "pubdate", "publishdate", "publish-date", "parsely-pub-date", "sailthru.date",
         "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "og:published_time", "date"];

    public static DateTimeOffset? Find(IDocument document, IReadOnlyList<JsonElement> jsonLd, string? url, DateTimeOffset now, CancellationToken cancellationToken) =>
        FromMeta(document)
            .Concat(FromJsonLd(jsonLd))
            .Concat(FromTimeElements(document))
            .Concat(FromUrl(document, url))
            .Concat(FromText(document, cancellationToken))
            .Cast<DateTimeOffset?>()
            .FirstOrDefault(date => PublicationDates.IsPlausible(date!.Value, now));

    private static IEnumerable<DateTimeOffset> FromJsonLd(IReadOnlyList<JsonElement> jsonLd) =>
        JsonLdProperties.SelectMany(property => jsonLd.Select(block => JsonLinkedData.StringOf(JsonLinkedData.Find(block, property))))
            .SelectMany(Machine);

    private static IEnumerable<DateTimeOffset> FromMeta(IDocument document)
    {
        var metas = document.QuerySelectorAll("meta[content]").ToList();
        return MetaNames.SelectMany(name => metas.Where(meta => string.Equals(
                meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop"), name, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(meta => Machine(meta.GetAttribute("content")));
    }

    // Marked as the publication date first, then any time element outside the site's furniture, in page order.
    private static IEnumerable<DateTimeOffset> FromTimeElements(IDocument document)
    {
        var marked = document.QuerySelectorAll("[itemprop=datePublished],time[pubdate]")
            .Select(e => e.GetAttribute("datetime") ?? e.GetAttribute("content") ?? e.TextContent);
        var others = document.QuerySelectorAll("time")
            .Where(e => !InSiteFurniture(e))
            .Select(e => e.GetAttribute("datetime") ?? e.TextContent);
        return marked.Concat(others).SelectMany(value => Machine(value).Concat(DateLine(value)));
    }

    // The address the page was read from, else the one it names as its own (canonical link, og:url).
    private static IEnumerable<DateTimeOffset> FromUrl(IDocument document, string? url)
    {
        var address = url
            ?? document.QuerySelector("link[rel=canonical]")?.GetAttribute("href")
            ?? document.QuerySelector("meta[property='og:url']")?.GetAttribute("content");
        if (address is null)
        {
            yield break;
        }
        if (PublicationDates.FromUrl(address) is { } date)
        {
            yield return date;
        }
    }

    // Short elements whose text is only a date ("Published March 3, 2024 at 9:15 am"), outside the site's furniture, those under the headline first.
    private static IEnumerable<DateTimeOffset> FromText(IDocument document, CancellationToken cancellationToken)
    {
        if (document.Body is not { } body)
        {
            return [];
        }
        var headline = body.QuerySelector("h1");
        var dated = new List<(bool UnderHeadline, DateTimeOffset Date)>();
        foreach (var element in body.QuerySelectorAll("p,span,div,li,time,small,em,strong,dd"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (element.ChildElementCount > 3 || element.TextContent.Length > MaxDateLineLength * 2)
            {
                continue;
            }
            var text = TextLines.CollapseWhitespace(element.TextContent);
            if (PublicationDates.TryParseDateLine(text, out var date) && !InSiteFurniture(element))
            {
                var underHeadline = headline is not null && headline.CompareDocumentPosition(element).HasFlag(DocumentPositions.Following);
                dated.Add((underHeadline, date));
            }
        }
        return dated.OrderByDescending(d => d.UnderHeadline).Select(d => d.Date);
    }

    // The site's navigation, footer and side bars, and a header outside the article (where sites show today's date);
    // an article's own <header> holds its headline and byline, so its dates count.
    private static bool InSiteFurniture(IElement element)
    {
        for (var ancestor = element; ancestor is not null; ancestor = ancestor.ParentElement)
        {
            if (ancestor.LocalName is "nav" or "footer" or "aside" || ancestor.GetAttribute("role") is "banner" or "navigation" or "contentinfo")
            {
                return true;
            }
            if (ancestor.LocalName == "header" && ancestor.Closest("article,main") is null && ancestor.QuerySelector("h1") is null)
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<DateTimeOffset> Machine(string? value) =>
        PublicationDates.ParseMachine(value) is { } date ? [date] : [];

    private static IEnumerable<DateTimeOffset> DateLine(string? value) =>
        value is not null && PublicationDates.TryParseDateLine(TextLines.CollapseWhitespace(value), out var date) ? [date] : [];
}
