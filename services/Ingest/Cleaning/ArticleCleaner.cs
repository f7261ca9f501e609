using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Newsroom.Contracts.Events;

namespace Newsroom.Ingest;

/// <summary>
/// Validates a raw article and cleans it to its text: HTML pages through a Readability-style
/// extractor, plain-text page dumps through line rules. Metadata the sender gave wins over what
/// the page says. Bad input throws <see cref="ArticleRejectedException"/> with the reason. The
/// work per item is bounded: field lengths, the page's nesting depth and element count, and a
/// time budget (<see cref="IngestOptions.MaxCleaningTime"/>).
/// </summary>
public sealed partial class ArticleCleaner
{
    private const int TitleFromLeadLength = 120;

    private readonly IngestOptions _options;
    private readonly TimeProvider _time;
    private readonly BoundedHtmlParser _htmlParser;

    public ArticleCleaner(IngestOptions? options = null, TimeProvider? time = null)
    {
        _options = options ?? new IngestOptions();
        if (_options.MaxCleaningTime <= TimeSpan.Zero || _options.MaxHtmlDepth <= 0 || _options.MaxHtmlElements <= 0 || _options.MaxTitleLength <= 0
            || _options.MaxSourceLength <= 0 || _options.MaxUrlLength <= 0 || _options.MaxClientRefLength <= 0)
        {
            throw new ArgumentException(
                "Ingest:MaxCleaningTime, MaxHtmlDepth, MaxHtmlElements, MaxTitleLength, MaxSourceLength, MaxUrlLength and MaxClientRefLength must be positive; fix the Ingest section or remove the setting", nameof(options));
        }
        _time = time ?? TimeProvider.System;
        _htmlParser = new BoundedHtmlParser(_options.MaxHtmlDepth, _options.MaxHtmlElements);
    }

    /// <exception cref="ArticleRejectedException">The item is invalid, over a limit, or took longer than the time budget to clean.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ArticleIngested Clean(RawArticle raw, string articleId, DateTimeOffset ingestedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(raw);
        using var budget = new CancellationTokenSource(_options.MaxCleaningTime, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            return CleanWithin(raw, articleId, ingestedAt, linked.Token);
        }
        catch (OperationCanceledException e) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ArticleRejectedException(
                $"cleaning took longer than {_options.MaxCleaningTime.TotalSeconds:0.###} s (Ingest:MaxCleaningTime); send the article page itself or its text, not a page built to be slow", e);
        }
    }

    private ArticleIngested CleanWithin(RawArticle raw, string articleId, DateTimeOffset ingestedAt, CancellationToken cancellationToken)
    {
        var body = Validate(raw);
        var isHtml = raw.Html is not null || LooksLikeHtml(body);
        var now = _time.GetUtcNow();
        var page = isHtml ? HtmlArticleExtractor.Extract(body, raw.Url, _htmlParser, now, cancellationToken) : PageDumpExtractor.Extract(body, raw.Url, now);
        cancellationToken.ThrowIfCancellationRequested();
        var text = string.Join("\n\n", page.Paragraphs);
        // Text without a single letter or digit (stray markup, punctuation) is no text either.
        if (ContentHasher.Normalise(text).Length == 0)
        {
            throw new ArticleRejectedException(isHtml
                ? "the HTML has no readable text (an empty, script-only or malformed page); send the article page itself or its text"
                : "nothing is left of the text once navigation and boilerplate are removed; send the article's own text");
        }

        // What the page says is not the sender's fault: too long a title or outlet from the page is shortened, not refused.
        return new ArticleIngested
        {
            ArticleId = articleId,
            Url = raw.Url?.Trim() ?? "",
            Source = NonEmpty(raw.Source) ?? Shortened(page.Source, _options.MaxSourceLength) ?? "",
            Title = GivenTitle(raw.Title) ?? Shortened(page.Title, _options.MaxTitleLength) ?? TextLines.LeadSentence(text, TitleFromLeadLength),
            Text = text,
            // A sender's implausible date (year 0001, next year) is a missing value, not a reason to refuse the article.
            Published = raw.Published is { } given && PublicationDates.IsPlausible(given, now) ? given : page.Published,
            Dateline = page.Dateline,
            ContentHash = ContentHasher.Hash(text),
            IngestedAt = ingestedAt,
            SubmittedBy = raw.SubmittedBy ?? "",
        };
    }

    /// <summary>The sender's title, unless it is only a date or time stamp (a feed that took the page's first line for its title).</summary>
    private static string? GivenTitle(string? title) =>
        NonEmpty(title) is { } given && !PublicationDates.TryParseDateLine(given, out _) && !PublicationDates.IsTimeStampLine(given) ? given : null;

    private string Validate(RawArticle raw)
    {
        CheckField("client_ref", raw.ClientRef, _options.MaxClientRefLength, nameof(IngestOptions.MaxClientRefLength));
        CheckField("url", raw.Url, _options.MaxUrlLength, nameof(IngestOptions.MaxUrlLength));
        CheckField("title", raw.Title, _options.MaxTitleLength, nameof(IngestOptions.MaxTitleLength));
        CheckField("source", raw.Source, _options.MaxSourceLength, nameof(IngestOptions.MaxSourceLength));
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
        if (bytes > _options.MaxArticleBytes)
        {
            throw new ArticleRejectedException(
                $"the article is {bytes:N0} bytes, over the limit of {_options.MaxArticleBytes:N0} (Ingest:MaxArticleBytes); send the article alone, not a whole site or file");
        }
        if (LooksBinary(body))
        {
            throw new ArticleRejectedException("the article is binary data (NUL bytes or control characters), not text; send text or HTML in UTF-8");
        }
        CheckText(raw.Html is null ? "text" : "html", body);
        return body;
    }

    private static void CheckField(string name, string? value, int maxLength, string setting)
    {
        if (value is null)
        {
            return;
        }
        if (value.Length > maxLength)
        {
            throw new ArticleRejectedException(
                $"the {name} is {value.Length:N0} characters, over the limit of {maxLength:N0} (Ingest:{setting}); send a shorter {name}");
        }
        CheckText(name, value);
    }

    // A decoder that met bytes which are not UTF-8 leaves U+FFFD (Protocol Buffers, most readers) or a lone surrogate
    // (JSON escapes); storing that would keep the damage for good.
    private static void CheckText(string name, string value)
    {
        if (value.Contains('\uFFFD', StringComparison.Ordinal))
        {
            throw new ArticleRejectedException(
                $"the {name} contains U+FFFD replacement characters: the text was not valid UTF-8 where it was decoded; send it as UTF-8 (or, for a file, declare its charset)");
        }
        if (HasLoneSurrogate(value))
        {
            throw new ArticleRejectedException($"the {name} contains a lone UTF-16 surrogate, which is no character; send it as valid UTF-8");
        }
    }

    private static bool HasLoneSurrogate(ReadOnlySpan<char> value)
    {
        while (value.IndexOfAnyInRange('\uD800', '\uDFFF') is var at and >= 0)
        {
            if (Rune.DecodeFromUtf16(value[at..], out _, out var used) != OperationStatus.Done)
            {
                return true;
            }
            value = value[(at + used)..];
        }
        return false;
    }

    private static string? Shortened(string? value, int maxLength) => value is null ? null : TextLines.Shorten(value, maxLength);

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
