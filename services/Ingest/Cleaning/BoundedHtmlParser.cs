using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Text;

namespace Newsroom.Ingest;

/// <summary>
/// Parses HTML with bounded work. The parser's cost per tag grows with the nesting depth (and
/// the DOM's own text methods recurse as deep as the page nests), so depth and element count
/// are checked while elements are created, and parsing stops at the first one over its limit
/// or once the token is cancelled, instead of after minutes.
/// </summary>
internal sealed class BoundedHtmlParser(int maxDepth, int maxElements)
{
    /// <exception cref="ArticleRejectedException">The page nests too deep or has too many elements.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public IHtmlDocument Parse(string html, CancellationToken cancellationToken)
    {
        var watch = new ShapeWatch(maxDepth, maxElements, cancellationToken);
        var document = new HtmlParser(new HtmlParserOptions { OnCreated = watch.OnCreated }).ParseDocument(html);
        // Adoption and foster parenting move elements after they were measured: measure the finished tree once more.
        if (document.DocumentElement is { } root && DeepestLevel(root) > maxDepth)
        {
            throw TooDeep(maxDepth);
        }
        return document;
    }

    private static ArticleRejectedException TooDeep(int maxDepth) => new(
        $"the HTML nests elements more than {maxDepth:N0} levels deep (Ingest:MaxHtmlDepth); news pages nest a few dozen levels, so send the article page itself or its text");

    private static ArticleRejectedException TooMany(int maxElements) => new(
        $"the HTML has more than {maxElements:N0} elements (Ingest:MaxHtmlElements); news pages have a few thousand, so send the article page itself or its text");

    private static int DeepestLevel(IElement root)
    {
        var deepest = 0;
        var pending = new Stack<(IElement Element, int Level)>();
        pending.Push((root, 1));
        while (pending.TryPop(out var next))
        {
            deepest = Math.Max(deepest, next.Level);
            foreach (var child in next.Element.Children)
            {
                pending.Push((child, next.Level + 1));
            }
        }
        return deepest;
    }

    /// <summary>Measures each element as the parser creates it.</summary>
    private sealed class ShapeWatch(int maxDepth, int maxElements, CancellationToken cancellationToken)
    {
        private readonly Dictionary<IElement, int> _levels = new(ReferenceEqualityComparer.Instance);
        private readonly List<IElement> _unmeasured = [];
        private IElement? _previous;
        private int _elements;

        public void OnCreated(IElement element, TextPosition position)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++_elements > maxElements)
            {
                throw TooMany(maxElements);
            }
            // The parser calls back before it inserts the element; the one created before it is in place by now.
            if (_previous is not null && LevelOf(_previous) > maxDepth)
            {
                throw TooDeep(maxDepth);
            }
            _previous = element;
        }

        // Elements the parser makes without a tag (the implied html and body, re-opened formatting) are measured on the way up.
        private int LevelOf(IElement element)
        {
            _unmeasured.Clear();
            var node = element;
            var level = 0;
            while (node is not null && !_levels.TryGetValue(node, out level))
            {
                _unmeasured.Add(node);
                node = node.ParentElement;
            }
            for (var i = _unmeasured.Count - 1; i >= 0; i--)
            {
                _levels[_unmeasured[i]] = ++level;
            }
            return level;
        }
    }
}
