using Xunit;

namespace Newsroom.Ingest.Tests;

public sealed class ArticleCleanerTests
{
    private static readonly ArticleCleaner Cleaner = new();

    private const string Page = """
        <!DOCTYPE html>
        <html><head>
          <title>Militia halts attacks on bases | Daily Planet</title>
          <meta property="og:site_name" content="Daily Planet">
          <meta property="article:published_time" content="2024-01-30T18:05:00+03:00">
          <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-01T00:00:00Z"}</script>
          <style>p { color: red }</style>
        </head><body>
          <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
          <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X, formerly known as Twitter</a></div>
          <main><article class="story-body">
            <h1>Militia halts attacks on bases</h1>
            <figure><img src="a.jpg"><figcaption>Fighters at a funeral in Baghdad, the capital, on Thursday.</figcaption></figure>
            <p>BAGHDAD (Reuters) - An Iraqi militia said on Tuesday it was suspending attacks on US forces, a week after a drone strike killed three soldiers in Jordan, near the border.</p>
            <p>The group, which is backed by Iran, said it did not want to embarrass the government in Baghdad, which has been negotiating the future of foreign troops.</p>
            <p>READ: Iran-backed militias regroup in eastern Syria</p>
            <p>Washington has blamed the group for the attack, and officials said a response was still being prepared, according to two people familiar with the matter.</p>
            <div class="newsletter-box"><p>Sign up for our newsletter, the best of the day's reporting in your inbox every morning, free of charge.</p></div>
          </article></main>
          <section id="comments"><h3>Leave a Reply</h3><p>This is a very long comment by a reader who disagrees with everything, at length, and repeatedly.</p></section>
          <aside class="sidebar"><p>Most read: a long list of stories that nobody needs in the article text at all, really.</p></aside>
          <footer><p>Copyright Daily Planet 2024, all rights reserved, terms, privacy, cookies and more.</p></footer>
        </body></html>
        """;

    [Fact]
    public void Html_page_gives_its_main_text_without_page_furniture()
    {
        var article = Cleaner.Clean(new RawArticle { ClientRef = "page", Html = Page }, "art_1", DateTimeOffset.UnixEpoch);

        var paragraphs = article.Text.Split("\n\n");
        Assert.Equal(3, paragraphs.Length);
        Assert.StartsWith("An Iraqi militia said on Tuesday", paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("The group, which is backed by Iran", paragraphs[1], StringComparison.Ordinal);
        Assert.StartsWith("Washington has blamed the group", paragraphs[2], StringComparison.Ordinal);
        Assert.Equal("Militia halts attacks on bases", article.Title);
        Assert.Equal("Daily Planet", article.Source);
        Assert.Equal("BAGHDAD", article.Dateline);
        Assert.Equal(new DateTimeOffset(2024, 1, 30, 15, 5, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(64, article.ContentHash.Length);
    }

    [Fact]
    public void Metadata_the_sender_gives_wins_over_the_page()
    {
        var published = new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var article = Cleaner.Clean(
            new RawArticle { ClientRef = "page", Html = Page, Title = "Given title", Source = "Given outlet", Published = published, Url = "https://example.com/a" },
            "art_1",
            DateTimeOffset.UnixEpoch);
        Assert.Equal(("Given title", "Given outlet", published, "https://example.com/a"), (article.Title, article.Source, article.Published, article.Url));
    }

    [Fact]
    public void Outlet_falls_back_to_the_url_host_and_title_to_the_h1()
    {
        const string html = "<html><body><h1>Quiet night in the capital</h1><p>Nothing of note happened overnight in the capital, police said, and the roads were calm.</p></body></html>";
        var article = Cleaner.Clean(new RawArticle { ClientRef = "x", Html = html, Url = "https://www.example.org/news/1" }, "art_1", DateTimeOffset.UnixEpoch);
        Assert.Equal(("example.org", "Quiet night in the capital"), (article.Source, article.Title));
        Assert.StartsWith("Nothing of note", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_dump_drops_header_captions_teasers_comment_form_and_repeats()
    {
        const string dump = """
            Menu

            Independent voices since 1999

            Flooding closes the river road for a week

            March 3rd, 2024 at 9:15 am

            Water covers the river road on Monday (Photo: Jane Doe/Agency)

            LONDON: Floodwater closed the river road on Monday, and officials said it would stay shut for at least a week while engineers inspect the bridge.

            "We will not reopen it until it is safe," the council said in a statement on Monday evening.

            ALSO READ: Storm warnings for the coast

            Residents were advised to use the northern bypass, which adds about twenty minutes to most journeys.

            "We will not reopen it until it is safe," the council said in a statement on Monday evening.

            Staff reporting / Agencies

            Leave a Comment
            Your email address will not be published. Required fields are marked *
            [contact-form-7 id="12" title="Contact"]
            """;
        var article = Cleaner.Clean(new RawArticle { ClientRef = "dump", Text = dump }, "art_1", DateTimeOffset.UnixEpoch);

        Assert.Equal("Flooding closes the river road for a week", article.Title);
        Assert.Equal(new DateTimeOffset(2024, 3, 3, 9, 15, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("LONDON", article.Dateline);
        Assert.Equal(
            [
                "Floodwater closed the river road on Monday, and officials said it would stay shut for at least a week while engineers inspect the bridge.",
                "\"We will not reopen it until it is safe,\" the council said in a statement on Monday evening.",
                "Residents were advised to use the northern bypass, which adds about twenty minutes to most journeys.",
            ],
            article.Text.Split("\n\n"));
    }

    [Fact]
    public void Page_dump_drops_the_share_bar_teaser_and_copyright_notice_under_the_story()
    {
        const string dump = """
            Mediators called on both sides to show restraint after the convoy was attacked on Monday evening.

            The publisher's lawyers said the copyright claim over the photographs would be heard in court next month.

            Share  Tweet  Email  Print

            You might also like: School reopens after flood repairs

            Valley Courier (c) 2025. Reproduction without permission is prohibited.
            """;
        var article = Cleaner.Clean(new RawArticle { ClientRef = "dump", Text = dump, Title = "Convoy attacked" }, "art_1", DateTimeOffset.UnixEpoch);

        Assert.Equal(
            [
                "Mediators called on both sides to show restraint after the convoy was attacked on Monday evening.",
                "The publisher's lawyers said the copyright claim over the photographs would be heard in court next month.",
            ],
            article.Text.Split("\n\n"));
    }

    [Fact]
    public void Hard_wrapped_plain_text_is_joined_back_into_paragraphs()
    {
        const string text = "The council met on Monday to discuss the budget for the coming\nyear, and agreed on most of it.\n\nA second meeting is planned.";
        var article = Cleaner.Clean(new RawArticle { ClientRef = "t", Text = text, Title = "Budget" }, "art_1", DateTimeOffset.UnixEpoch);
        Assert.Equal("The council met on Monday to discuss the budget for the coming year, and agreed on most of it.\n\nA second meeting is planned.", article.Text);
    }

    [Fact]
    public void Content_hash_ignores_whitespace_case_and_punctuation()
    {
        var a = Cleaner.Clean(new RawArticle { ClientRef = "a", Text = "The Council met on Monday, and agreed the budget for next year." }, "", DateTimeOffset.UnixEpoch);
        var b = Cleaner.Clean(new RawArticle { ClientRef = "b", Text = "  the council   met on monday and agreed\tthe budget for next year!  " }, "", DateTimeOffset.UnixEpoch);
        var c = Cleaner.Clean(new RawArticle { ClientRef = "c", Text = "The council met on Tuesday and agreed the budget for next year." }, "", DateTimeOffset.UnixEpoch);
        Assert.Equal(a.ContentHash, b.ContentHash);
        Assert.NotEqual(a.ContentHash, c.ContentHash);
    }

    [Theory]
    [InlineData("", null, "empty")]
    [InlineData("   \n\t ", null, "empty")]
    [InlineData(null, "<html><body><script>var x = 1;</script><nav><a href='/'>Home</a></nav></body></html>", "no readable text")]
    [InlineData(null, "<<<>>><</ >", "no readable text")]
    [InlineData("Leave a Reply\n\nYour email address will not be published.", null, "nothing is left")]
    [InlineData("abc\0\0\0def", null, "binary")]
    public void Bad_input_is_rejected_with_its_reason(string? text, string? html, string reason)
    {
        var error = Assert.Throws<ArticleRejectedException>(() =>
            Cleaner.Clean(new RawArticle { ClientRef = "bad", Text = text, Html = html }, "art_1", DateTimeOffset.UnixEpoch));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_of_control_characters_is_binary()
    {
        var text = new string(Enumerable.Range(0, 400).Select(i => i % 3 == 0 ? (char)(i % 31 + 1) : 'a').ToArray());
        var error = Assert.Throws<ArticleRejectedException>(() => Cleaner.Clean(new RawArticle { ClientRef = "bin", Text = text }, "art_1", DateTimeOffset.UnixEpoch));
        Assert.Contains("binary", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Article_over_the_size_limit_is_rejected_naming_the_setting()
    {
        var cleaner = new ArticleCleaner(new IngestOptions { MaxArticleBytes = 100 });
        var error = Assert.Throws<ArticleRejectedException>(() =>
            cleaner.Clean(new RawArticle { ClientRef = "big", Text = new string('a', 101) }, "art_1", DateTimeOffset.UnixEpoch));
        Assert.Contains("Ingest:MaxArticleBytes", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_url_that_is_not_http_is_rejected()
    {
        var error = Assert.Throws<ArticleRejectedException>(() =>
            Cleaner.Clean(new RawArticle { ClientRef = "u", Text = "Some text that is fine.", Url = "file:///etc/passwd" }, "art_1", DateTimeOffset.UnixEpoch));
        Assert.Contains("http(s)", error.Reason, StringComparison.Ordinal);
    }
}
