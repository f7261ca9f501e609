using System.Text;
using System.Text.RegularExpressions;
using Newsroom.Contracts.Events;

namespace Newsroom.Ingest;

/// <summary>
/// Validates a raw article and cleans it to its text: HTML pages through a Readability-style
/// extractor, plain-text page dumps through line rules. Metadata the sender gave wins over what
/// the page says. Bad input throws <see cref="ArticleRejectedException"/> with the reason.
/// </summary>
public sealed partial class ArticleCleaner
{
    private const int TitleFromLeadLength = 120;

    private readonly long _maxArticleBytes;

    public ArticleCleaner(IngestOptions? options = null)
    {
        _maxArticleBytes = options?.MaxArticleBytes ?? IngestOptions.DefaultMaxArticleBytes;
    }

    public ArticleIngested Clean(RawArticle raw, string articleId, DateTimeOffset ingestedAt)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var body = Validate(raw);
        var isHtml = raw.Html is not null || LooksLikeHtml(body);
        var page = isHtml ? HtmlArticleExtractor.Extract(body, raw.Url) : PageDumpExtractor.Extract(body);
        var text = string.Join("\n\n", page.Paragraphs);
        // Text without a single letter or digit (stray markup, punctuation) is no text either.
        if (ContentHasher.Normalise(text).Length == 0)
        {
            throw new ArticleRejectedException(isHtml
                ? "the HTML has no readable text (an empty, script-only or malformed page); send the article page itself or its text"
                : "nothing is left of the text once navigation and boilerplate are removed; send the article's own text");
        }

        return new ArticleIngested
        {
            ArticleId = articleId,
            Url = raw.Url?.Trim() ?? "",
            Source = NonEmpty(raw.Source) ?? page.Source ?? "",
            Title = NonEmpty(raw.Title) ?? page.Title ?? TextLines.LeadSentence(text, TitleFromLeadLength),
            Text = text,
            Published = raw.Published ?? page.Published,
            Dateline = page.Dateline,
            ContentHash = ContentHasher.Hash(text),
            IngestedAt = ingestedAt,
        };
    }

    private string Validate(RawArticle raw)
    {
        if (raw.Url is { Length: > 0 } url
            && !(Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            throw new ArticleRejectedException($"the url \"{url}\" is not an absolute http(s) address; send the article's page address or none");
        }
        var body = raw.Html ?? raw.Text;
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new ArticleRejectedException("the article is empty: send its text or its HTML");
        }
        var bytes = Encoding.UTF8.GetByteCount(body);
        if (bytes > _maxArticleBytes)
        {
            throw new ArticleRejectedException(
                $"the article is {bytes:N0} bytes, over the limit of {_maxArticleBytes:N0} (Ingest:MaxArticleBytes); send the article alone, not a whole site or file");
        }
        if (LooksBinary(body))
        {
            throw new ArticleRejectedException("the article is binary data (NUL bytes or control characters), not text; send text or HTML in UTF-8");
        }
        return body;
    }

    // Text never holds NUL; a few stray control characters can be noise, but not one in fifty.
    private static bool LooksBinary(string body)
    {
        if (body.Contains('\0', StringComparison.Ordinal))
        {
            return true;
        }
        var controls = body.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'));
        return controls * 50 > body.Length;
    }

    private static bool LooksLikeHtml(string body) => HtmlStart().IsMatch(body);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlStart();
}
