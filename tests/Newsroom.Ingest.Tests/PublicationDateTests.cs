using Xunit;

namespace Newsroom.Ingest.Tests;

/// <summary>Where a page's publication date comes from, and which dates are never taken for it.</summary>
public sealed class PublicationDateTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 10, 12, 0, 0, TimeSpan.Zero);

    private static readonly ArticleCleaner Cleaner = new(time: new FixedTime(Now));

    private const string Body = "<p>The harbour authority said on Monday that the new quay would open in the autumn, two years later than planned.</p>"
        + "<p>Shipping lines had asked for the delay to be explained, and the authority said the contractor had run short of steel.</p>";

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1970-01-01T00:00:00Z")]
    [InlineData("2031-01-01T00:00:00Z")]
    public void An_implausible_meta_date_falls_back_to_the_next_source(string metaDate)
    {
        var html = $"""
            <html><head><meta property="article:published_time" content="{metaDate}">
            <script type="application/ld+json">{"{"}"@type":"NewsArticle","datePublished":"2025-05-02T08:00:00Z"{"}"}</script></head>
            <body><article><h1>Quay delayed again</h1>{Body}</article></body></html>
            """;

        Assert.Equal(new DateTimeOffset(2025, 5, 2, 8, 0, 0, TimeSpan.Zero), Clean(html).Published);
    }

    [Fact]
    public void A_date_just_ahead_of_the_clock_is_taken_one_days_later_is_not()
    {
        Assert.Equal(Now.AddHours(20), Clean(PageWithMeta(Now.AddHours(20))).Published);
        Assert.Null(Clean(PageWithMeta(Now.AddDays(2))).Published);
    }

    [Fact]
    public void Time_elements_count_but_not_the_site_headers_today()
    {
        var html = $"""
            <html><body><header class="masthead"><time datetime="2025-06-10">Tuesday, June 10, 2025</time></header>
            <article><h1>Quay delayed again</h1><p class="byline">By A. Writer <time datetime="2025-04-30T09:30:00Z">April 30</time></p>{Body}</article></body></html>
            """;

        Assert.Equal(new DateTimeOffset(2025, 4, 30, 9, 30, 0, TimeSpan.Zero), Clean(html).Published);
    }

    [Fact]
    public void A_date_line_under_the_headline_beats_the_headers_date_line()
    {
        var html = $"""
            <html><body><div class="top"><span>June 10, 2025</span></div>
            <div class="story"><h1>Quay delayed again</h1><div class="meta"><span>Published March 3, 2025 at 9:15 am</span></div>{Body}</div></body></html>
            """;

        Assert.Equal(new DateTimeOffset(2025, 3, 3, 9, 15, 0, TimeSpan.Zero), Clean(html).Published);
    }

    [Theory]
    [InlineData("https://news.example/2024/11/18/quay-delayed/", 2024, 11, 18)]
    [InlineData("https://news.example/harbour/2024/nov/18/quay-delayed", 2024, 11, 18)]
    [InlineData("https://news.example/harbour/quay-delayed-20240305.html", 2024, 3, 5)]
    public void The_url_gives_the_date_when_the_page_has_none(string url, int year, int month, int day)
    {
        var html = $"<html><body><article><h1>Quay delayed again</h1>{Body}</article></body></html>";

        Assert.Equal(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), Clean(html, url).Published);
    }

    [Fact]
    public void A_text_items_url_gives_the_date_when_its_text_has_none()
    {
        const string text = "The harbour authority said on Monday that the new quay would open in the autumn, two years later than planned.\n"
            + "Shipping lines had asked for the delay to be explained, and the authority said the contractor had run short of steel.";

        var dated = Cleaner.Clean(new RawArticle { ClientRef = "t", Text = text, Url = "https://news.example/2024/11/18/quay-delayed/" }, "art_1", Now);
        var future = Cleaner.Clean(new RawArticle { ClientRef = "t", Text = text, Url = "https://news.example/2031/11/18/quay-delayed/" }, "art_2", Now);
        var undated = Cleaner.Clean(new RawArticle { ClientRef = "t", Text = text, Url = "https://news.example/harbour/quay-delayed" }, "art_3", Now);

        Assert.Equal(new DateTimeOffset(2024, 11, 18, 0, 0, 0, TimeSpan.Zero), dated.Published);
        Assert.Null(future.Published);
        Assert.Null(undated.Published);
    }

    [Fact]
    public void A_text_items_own_date_line_beats_its_urls_date()
    {
        const string dump = """
            Quay delayed again
            March 3, 2025 at 9:15 am
            The harbour authority said on Monday that the new quay would open in the autumn, two years later than planned.
            Shipping lines had asked for the delay to be explained, and the authority said the contractor had run short of steel.
            """;

        var article = Cleaner.Clean(new RawArticle { ClientRef = "t", Text = dump, Url = "https://news.example/2025/03/02/quay-delayed/" }, "art_1", Now);

        Assert.Equal(new DateTimeOffset(2025, 3, 3, 9, 15, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void Without_a_url_the_pages_canonical_address_gives_the_date()
    {
        var html = $"""<html><head><link rel="canonical" href="https://news.example/2024/11/18/quay-delayed/"></head><body><article>{Body}</article></body></html>""";

        Assert.Equal(new DateTimeOffset(2024, 11, 18, 0, 0, 0, TimeSpan.Zero), Clean(html).Published);
    }

    [Fact]
    public void A_senders_implausible_date_gives_way_to_the_pages()
    {
        var article = Cleaner.Clean(
            new RawArticle { ClientRef = "p", Html = PageWithMeta(new DateTimeOffset(2025, 5, 2, 8, 0, 0, TimeSpan.Zero)), Published = DateTimeOffset.MinValue },
            "art_1",
            Now);

        Assert.Equal(new DateTimeOffset(2025, 5, 2, 8, 0, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void A_page_dumps_implausible_date_line_is_dropped_and_the_next_one_taken()
    {
        const string dump = """
            Harbour Ledger
            Quay delayed again
            March 3, 2099
            March 3, 2025 at 9:15 am
            The harbour authority said on Monday that the new quay would open in the autumn, two years later than planned.
            Shipping lines had asked for the delay to be explained, and the authority said the contractor had run short of steel.
            """;

        var article = Cleaner.Clean(new RawArticle { ClientRef = "p", Text = dump }, "art_1", Now);

        Assert.Equal(new DateTimeOffset(2025, 3, 3, 9, 15, 0, TimeSpan.Zero), article.Published);
        Assert.DoesNotContain("2099", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_with_no_plausible_date_anywhere_has_none()
    {
        var html = $"""<html><head><meta name="date" content="0001-01-01"></head><body><article>{Body}</article></body></html>""";

        Assert.Null(Clean(html).Published);
    }

    private static string PageWithMeta(DateTimeOffset date) =>
        $"""<html><head><meta property="article:published_time" content="{date:O}"></head><body><article><h1>Quay delayed again</h1>{Body}</article></body></html>""";

    private static Contracts.Events.ArticleIngested Clean(string html, string? url = null) =>
        Cleaner.Clean(new RawArticle { ClientRef = "p", Html = html, Url = url }, "art_1", Now);

    private const string QuayHeadline = "Harbour authority delays the new quay by two years";

    private const string QuayStory =
        "The harbour authority said on Monday that the new quay would open in the autumn, two years later than planned.\n"
        + "Shipping lines had asked for the delay to be explained, and the authority said the contractor had run short of steel.";

    [Fact]
    public void A_given_title_that_is_only_a_date_line_gives_way_to_the_headline_and_the_date_is_the_publication_date()
    {
        var article = CleanDump("May 2, 2013, 1:12 PM", $"May 2, 2013, 1:12 PM\n{QuayHeadline}\n{QuayStory}");

        Assert.Equal(QuayHeadline, article.Title);
        Assert.Equal(new DateTimeOffset(2013, 5, 2, 13, 12, 0, TimeSpan.Zero), article.Published);
        Assert.StartsWith("The harbour authority said", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_stamps_without_a_whole_date_are_neither_the_title_nor_the_headline_and_date_nothing()
    {
        var article = CleanDump("APR 28", $"APR 28\n{QuayHeadline}\nUpdated 4: 08 p. m. ET\n{QuayStory}");

        Assert.Equal(QuayHeadline, article.Title);
        Assert.Null(article.Published);
        Assert.StartsWith("The harbour authority said", article.Text, StringComparison.Ordinal);
    }

    /// <summary>A page dump sent with the title a feed took from its first line.</summary>
    private static Contracts.Events.ArticleIngested CleanDump(string title, string text) =>
        Cleaner.Clean(new RawArticle { ClientRef = "dump", Title = title, Text = text }, "art_1", DateTimeOffset.UnixEpoch);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
