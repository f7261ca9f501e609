using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Newsroom.Ingest;

/// <summary>
/// Finds an HTML page's main text in the manner of Readability: strip what is never content
/// (scripts, navigation, comment sections, share bars), score each block by the paragraphs it
/// holds (their length and commas, less their links), take the best block with its
/// like-scored siblings, and write its paragraphs out separated by blank lines.
/// </summary>
internal static partial class HtmlArticleExtractor
{
    private const int MinParagraphLength = 25;

    private static readonly string[] NeverContent =
        ["script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed", "video", "audio",
         "picture", "img", "button", "input", "select", "textarea", "dialog", "link", "meta"];

    private static readonly string[] Furniture =
        ["nav", "header", "footer", "aside", "form", "figure", "figcaption", "menu"];

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "blockquote", "dd", "div", "dl", "dt", "fieldset", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "li", "main", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "br",
    };

    /// <exception cref="ArticleRejectedException">The page is over a limit of <paramref name="parser"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; every loop over the page checks it.</exception>
    public static ExtractedPage Extract(string html, string? url, BoundedHtmlParser parser, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var document = parser.Parse(html, cancellationToken);
        var metadata = PageMetadata.Read(document, url, now, cancellationToken);
        var body = document.Body;
        if (body is null)
        {
            return new ExtractedPage([], metadata.Title, metadata.Published, metadata.Source, null);
        }

        RemoveNonContent(body, cancellationToken);
        var container = ChooseContent(body, cancellationToken);
        var paragraphs = new List<string>();
        foreach (var element in container)
        {
            CollectParagraphs(element, paragraphs, cancellationToken);
        }

        var titleKey = metadata.Title is null ? null : ContentHasher.Normalise(metadata.Title);
        paragraphs.RemoveAll(p => titleKey is not null && ContentHasher.Normalise(p) == titleKey);
        var (cleaned, dateline) = ParagraphCleanup.Clean(paragraphs);
        return new ExtractedPage(cleaned, metadata.Title, metadata.Published, metadata.Source, dateline);
    }

    private static void RemoveNonContent(IElement body, CancellationToken cancellationToken)
    {
        foreach (var element in body.QuerySelectorAll(string.Join(',', NeverContent)).ToList())
        {
            element.Remove();
        }
        foreach (var element in body.QuerySelectorAll("[hidden],[aria-hidden=true],[role=navigation],[role=banner],[role=contentinfo],[role=complementary],[role=dialog]").ToList())
        {
            element.Remove();
        }

        // A mis-tagged wrapper (a page-wide <form>, a "has-comments" class on the article) must not take the article with it.
        var totalText = ParagraphText(body);
        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (element.Parent is null || element.LocalName is "body" or "main" or "article")
            {
                continue;
            }
            // An embedded post (a quoted tweet) sits in a "social" box, but a share bar never holds a quotation.
            var unwanted = Furniture.Contains(element.LocalName) || (IsUnlikelyByName(element) && element.QuerySelector("blockquote") is null);
            if (unwanted && ParagraphText(element) * 2 <= totalText)
            {
                element.Remove();
            }
        }
    }

    private static bool IsUnlikelyByName(IElement element)
    {
        var names = NamesOf(element);
        if (names.Length < 2)
        {
            return false;
        }
        return StrongNegativeName().IsMatch(names) || (WeakNegativeName().IsMatch(names) && !PositiveName().IsMatch(names));
    }

    // Class and id, with camelCase split into words ("videoPromoList" reads "video Promo List").
    private static string NamesOf(IElement element) => CamelCaseBoundary().Replace($"{element.ClassName} {element.Id}", " ");

    private static int ParagraphText(IElement element) =>
        element.QuerySelectorAll("p").Sum(p => p.TextContent.Length >= 80 ? p.TextContent.Length : 0);

    /// <summary>The best-scoring block and those of its siblings that look like part of the same article.</summary>
    private static List<IElement> ChooseContent(IElement body, CancellationToken cancellationToken)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var unit in ScoringUnits(body))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = TextLines.CollapseWhitespace(unit.TextContent);
            if (text.Length < MinParagraphLength)
            {
                continue;
            }
            var score = 1 + text.Count(c => c == ',') + Math.Min(text.Length / 100.0, 3);
            var ancestor = unit.ParentElement;
            for (var level = 0; ancestor is not null && level < 3; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.ContainsKey(ancestor))
                {
                    scores[ancestor] = InitialScore(ancestor);
                }
                scores[ancestor] += score / (level == 0 ? 1 : level * 2);
                if (ancestor == body)
                {
                    break;
                }
            }
        }
        if (scores.Count == 0)
        {
            return [body];
        }

        var final = scores.ToDictionary(kv => kv.Key, kv => kv.Value * (1 - LinkDensity(kv.Key)));
        var top = final.MaxBy(kv => kv.Value).Key;
        var topScore = final[top];
        if (top.ParentElement is not { } parent || top == body)
        {
            return [top];
        }

        var threshold = Math.Max(10, topScore * 0.2);
        var chosen = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            var include = sibling == top
                || (final.TryGetValue(sibling, out var s) && s + (sibling.ClassName is { Length: > 0 } c && c == top.ClassName ? topScore * 0.2 : 0) >= threshold);
            if (!include && sibling.LocalName == "p")
            {
                var text = TextLines.CollapseWhitespace(sibling.TextContent);
                var density = LinkDensity(sibling);
                include = (text.Length > 80 && density < 0.25) || (text.Length > 0 && density == 0 && TextLines.EndsLikeSentence(text));
            }
            if (include)
            {
                chosen.Add(sibling);
            }
        }
        AddSplitBlocks(top, threshold, final, chosen);
        return chosen;
    }

    /// <summary>
    /// An article split into several blocks (around an ad, a video or a section break) repeats its
    /// container, tag and class, elsewhere on the page: those blocks that score like text are kept too, in page order.
    /// </summary>
    private static void AddSplitBlocks(IElement top, double threshold, Dictionary<IElement, double> final, List<IElement> chosen)
    {
        if (top.ClassName is not { Length: > 0 } topClass)
        {
            return;
        }
        var twins = final
            .Where(kv => kv.Value >= threshold && kv.Key.LocalName == top.LocalName && kv.Key.ClassName == topClass
                && !chosen.Any(c => c.Contains(kv.Key) || kv.Key.Contains(c)) && LinkDensity(kv.Key) < 0.25)
            .Select(kv => kv.Key)
            .ToList();
        if (twins.Count == 0)
        {
            return;
        }
        chosen.AddRange(twins);
        chosen.Sort((a, b) => a == b ? 0 : a.CompareDocumentPosition(b).HasFlag(DocumentPositions.Following) ? -1 : 1);
    }

    // Paragraphs, and divs that hold text but no blocks (many pages write paragraphs as <div>s or <br>-separated text).
    private static IEnumerable<IElement> ScoringUnits(IElement body) =>
        body.QuerySelectorAll("p,pre,td,blockquote,div,section")
            .Where(e => e.LocalName is "p" or "pre" or "td" || !e.Children.Any(c => BlockTags.Contains(c.LocalName) && c.LocalName != "br"));

    private static double InitialScore(IElement element)
    {
        var score = element.LocalName switch
        {
            "div" or "article" or "main" => 5,
            "section" or "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        var names = NamesOf(element);
        if (PositiveName().IsMatch(names))
        {
            score += 25;
        }
        if (StrongNegativeName().IsMatch(names) || WeakNegativeName().IsMatch(names))
        {
            score -= 25;
        }
        return score;
    }

    private static double LinkDensity(IElement element)
    {
        var length = element.TextContent.Length;
        if (length == 0)
        {
            return 0;
        }
        var linkLength = element.QuerySelectorAll("a").Sum(a => a.TextContent.Length);
        return Math.Min(1, (double)linkLength / length);
    }

    /// <summary>Writes the element's text as paragraphs: each block element, and each run of text between line breaks, is one.</summary>
    private static void CollectParagraphs(IElement element, List<string> paragraphs, CancellationToken cancellationToken)
    {
        var current = new StringBuilder();
        var linkChars = 0;
        // An explicit stack in document order, not recursion: the page decides how deep it nests.
        var pending = new Stack<(INode Node, bool Leaving, int LengthBefore)>();
        PushChildren(element);
        while (pending.TryPop(out var next))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (next.Node is IText text)
            {
                current.Append(text.Data);
            }
            else if (next.Node is IElement child)
            {
                var isBlock = BlockTags.Contains(child.LocalName);
                if (next.Leaving && child.LocalName == "a")
                {
                    linkChars += current.Length - next.LengthBefore;
                }
                if (isBlock)
                {
                    Flush();
                }
                if (!next.Leaving)
                {
                    pending.Push((child, true, current.Length));
                    PushChildren(child);
                }
            }
        }
        Flush();

        void PushChildren(INode node)
        {
            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                pending.Push((children[i], false, 0));
            }
        }

        void Flush()
        {
            var raw = current.ToString();
            var paragraph = TextLines.CollapseWhitespace(raw);
            // A paragraph that is mostly links is a menu or a list of related stories.
            var mostlyLinks = raw.Length > 0 && linkChars > raw.Length * 0.5 && !TextLines.IsBodyParagraph(paragraph);
            if (paragraph.Length > 0 && !mostlyLinks)
            {
                paragraphs.Add(paragraph);
            }
            current.Clear();
            linkChars = 0;
        }
    }

    [GeneratedRegex(@"(^|[\s_-])(comments?|commenting|disqus|respond|replies|newsletter|subscribe|subscription|signup|share|sharing|sharebar|social|related|recommended|teaser|teasers|recommendations|promo|sponsored|outbrain|taboola|cookie|consent|gdpr|popup|modal|paywall)($|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex StrongNegativeName();

    [GeneratedRegex(@"(^|[\s_-])(sidebar|widget|footer|masthead|menu|nav|navbar|navigation|breadcrumbs?|banner|ad|ads|advert|advertisement|pagination|pager|byline|author|caption|credit|tags|toolbar|skip|trending|popular|header|hidden|print|rss|meta)($|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex WeakNegativeName();

    [GeneratedRegex(@"(^|[\s_-])(article|body|content|main|story|entry|post|text|blog|hentry|page)($|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex PositiveName();

    /// <summary>Title, publication date (<see cref="HtmlPublicationDate"/>) and outlet from meta tags, JSON-LD and the URL.</summary>
    private sealed record PageMetadata(string? Title, DateTimeOffset? Published, string? Source)
    {
        public static PageMetadata Read(IDocument document, string? url, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var jsonLd = JsonLinkedData.Read(document);
            var siteName = Meta(document, "og:site_name")
                ?? jsonLd.Select(j => JsonLinkedData.Find(j, "publisher") is { } p ? JsonLinkedData.StringOf(JsonLinkedData.Find(p, "name")) : null).FirstOrDefault(v => v is not null)
                ?? HostOf(url);
            var title = Meta(document, "og:title") ?? Meta(document, "twitter:title")
                ?? NonEmpty(document.Title)
                ?? NonEmpty(document.QuerySelector("h1")?.TextContent);
            var published = HtmlPublicationDate.Find(document, jsonLd, url, now, cancellationToken);
            return new PageMetadata(title is null ? null : TitleWithoutOutlet(TextLines.CollapseWhitespace(title), siteName), published, siteName);
        }

        private static string? Meta(IDocument document, string name) =>
            NonEmpty(document.QuerySelectorAll("meta")
                .FirstOrDefault(m => string.Equals(m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop"), name, StringComparison.OrdinalIgnoreCase))
                ?.GetAttribute("content"));

        private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        private static string? HostOf(string? url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host : null;

        /// <summary>"Headline | Outlet" or "Headline - Outlet" becomes "Headline"; so does "Outlet | Headline".</summary>
        private static string TitleWithoutOutlet(string title, string? siteName)
        {
            var kept = TitleSeparator().Split(title).ToList();
            bool NamesSite(string part) =>
                siteName is not null && (part.Contains(siteName, StringComparison.OrdinalIgnoreCase) || siteName.Contains(part, StringComparison.OrdinalIgnoreCase));
            while (kept.Count > 1 && (NamesSite(kept[^1]) || TextLines.WordCount(kept[^1]) <= 3) && TextLines.WordCount(string.Join(' ', kept.SkipLast(1))) >= 3)
            {
                kept.RemoveAt(kept.Count - 1);
            }
            if (kept.Count > 1 && NamesSite(kept[0]))
            {
                kept.RemoveAt(0);
            }
            return string.Join(" - ", kept);
        }
    }

    [GeneratedRegex(@"(?<=\p{Ll})(?=\p{Lu})")]
    private static partial Regex CamelCaseBoundary();

    [GeneratedRegex(@"\s+[|\u2013\u2014\u00b7\u2022]\s+|\s+-\s+|\s+::\s+")]
    private static partial Regex TitleSeparator();
}
