using System.Text;
using Xunit;

namespace Newsroom.Ingest.Tests;

public sealed class CleaningLimitsTests
{
    private const string Paragraph = "<p>The council met on Monday to discuss the harbour budget, which had grown by a third since last year, officials said.</p>";

    private static readonly ArticleCleaner Cleaner = new();

    private static string NestedPage(int levels) =>
        "<html><head><title>Harbour budget</title></head><body>" + Paragraph + Paragraph.Replace("Monday", "Tuesday", StringComparison.Ordinal)
        + string.Concat(Enumerable.Repeat("<div>", levels)) + "x" + string.Concat(Enumerable.Repeat("</div>", levels)) + "</body></html>";

    private static string Reason(RawArticle article, ArticleCleaner? cleaner = null) =>
        Assert.Throws<ArticleRejectedException>(() => (cleaner ?? Cleaner).Clean(article, "art_1", DateTimeOffset.UnixEpoch)).Reason;

    [Fact]
    public void A_page_with_30000_nested_divs_is_rejected_with_the_depth_limit_and_does_not_overflow_a_small_stack()
    {
        var page = NestedPage(30_000);
        string? reason = null;
        // A thread with 1 MiB of stack: a walk that recursed once per level would end the test process here.
        var thread = new Thread(() => reason = Reason(new RawArticle { ClientRef = "deep", Html = page }), maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();

        Assert.Contains("more than 512 levels deep (Ingest:MaxHtmlDepth)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_nested_100000_levels_is_rejected_with_the_depth_limit()
    {
        var reason = Reason(new RawArticle { ClientRef = "deeper", Html = NestedPage(100_000) });

        Assert.Contains("Ingest:MaxHtmlDepth", reason, StringComparison.Ordinal);
        Assert.Contains("send the article page itself or its text", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_with_more_elements_than_the_limit_is_rejected_and_one_within_it_is_cleaned()
    {
        var cleaner = new ArticleCleaner(new IngestOptions { MaxHtmlElements = 1_000 });
        var many = "<html><body>" + string.Concat(Enumerable.Repeat(Paragraph, 1_000)) + "</body></html>";
        var few = "<html><body>" + string.Concat(Enumerable.Repeat(Paragraph, 100)) + "</body></html>";

        Assert.Contains("more than 1,000 elements (Ingest:MaxHtmlElements)", Reason(new RawArticle { ClientRef = "many", Html = many }, cleaner), StringComparison.Ordinal);
        Assert.NotEmpty(cleaner.Clean(new RawArticle { ClientRef = "few", Html = few }, "art_1", DateTimeOffset.UnixEpoch).Text);
    }

    [Fact]
    public void A_cancelled_call_stops_cleaning_with_OperationCanceledException()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Cleaner.Clean(new RawArticle { ClientRef = "page", Html = NestedPage(10) }, "art_1", DateTimeOffset.UnixEpoch, cancelled.Token));
    }

    [Fact]
    public void Cleaning_past_its_time_budget_rejects_the_item_with_a_reason()
    {
        var cleaner = new ArticleCleaner(new IngestOptions { MaxCleaningTime = TimeSpan.FromSeconds(3) }, new ExpiredTimeProvider());

        var reason = Reason(new RawArticle { ClientRef = "slow", Html = NestedPage(10) }, cleaner);

        Assert.Equal("cleaning took longer than 3 s (Ingest:MaxCleaningTime); send the article page itself or its text, not a page built to be slow", reason);
    }

    [Fact]
    public void A_title_from_the_sender_over_the_limit_is_rejected_naming_the_limit()
    {
        var reason = Reason(new RawArticle { ClientRef = "long", Title = new string('t', 501), Text = "The harbour reopened on Monday after repairs." });

        Assert.Equal("the title is 501 characters, over the limit of 500 (Ingest:MaxTitleLength); send a shorter title", reason);
    }

    [Fact]
    public void A_title_from_the_page_over_the_limit_is_shortened_at_a_word_boundary()
    {
        var title = string.Join(' ', Enumerable.Repeat("harbour", 400));
        var page = $"<html><head><title>{title}</title></head><body>{Paragraph}</body></html>";

        var article = Cleaner.Clean(new RawArticle { ClientRef = "page", Html = page }, "art_1", DateTimeOffset.UnixEpoch);

        Assert.True(article.Title.Length <= 500, $"{article.Title.Length} characters");
        Assert.EndsWith("harbour\u2026", article.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("source", 201, "Ingest:MaxSourceLength")]
    [InlineData("url", 2049, "Ingest:MaxUrlLength")]
    [InlineData("client_ref", 2049, "Ingest:MaxClientRefLength")]
    public void Short_fields_over_their_limit_are_rejected_naming_the_limit(string field, int length, string setting)
    {
        var value = field == "url" ? "https://example.com/" + new string('a', length - 20) : new string('s', length);
        var article = new RawArticle
        {
            ClientRef = field == "client_ref" ? value : "item",
            Source = field == "source" ? value : null,
            Url = field == "url" ? value : null,
            Text = "The harbour reopened on Monday after repairs.",
        };

        Assert.Equal($"the {field} is {length:N0} characters, over the limit of {length - 1:N0} ({setting}); send a shorter {field}", Reason(article));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("html")]
    [InlineData("title")]
    public void Text_with_replacement_characters_is_rejected_as_not_UTF8(string field)
    {
        const string damaged = "The harbour reopened on Monday after repairs to the sea wall \uFFFD were finished.";
        var article = new RawArticle
        {
            ClientRef = "damaged",
            Title = field == "title" ? "Harbour \uFFFD reopens" : null,
            Text = field == "text" ? damaged : field == "title" ? "The harbour reopened on Monday after repairs." : null,
            Html = field == "html" ? $"<html><body><p>{damaged}</p></body></html>" : null,
        };

        Assert.Equal(
            $"the {field} contains U+FFFD replacement characters: the text was not valid UTF-8 where it was decoded; send it as UTF-8 (or, for a file, declare its charset)",
            Reason(article));
    }

    [Fact]
    public void Text_with_a_lone_surrogate_is_rejected()
    {
        var reason = Reason(new RawArticle { ClientRef = "lone", Text = "The harbour reopened on Monday \ud800 after repairs." });

        Assert.Contains("lone UTF-16 surrogate", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replacement_character_written_as_an_HTML_reference_is_the_page_s_own_text()
    {
        var page = "<html><body><p>The harbour reopened on Monday after repairs to the sea wall &#xFFFD; were finished, officials said.</p></body></html>";

        Assert.Contains("\uFFFD", Cleaner.Clean(new RawArticle { ClientRef = "page", Html = page }, "art_1", DateTimeOffset.UnixEpoch).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_UTF16_file_with_a_broken_surrogate_is_refused_instead_of_stored_with_replacement_characters()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ingest-utf16-{Guid.NewGuid():N}.txt");
        // BOM, "A", an unpaired high surrogate, "B".
        File.WriteAllBytes(path, [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00]);
        try
        {
            var reason = Assert.Throws<ArticleRejectedException>(() => ArticleFileReader.Read(path)).Reason;

            Assert.Contains("not valid utf-16", reason, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_page_with_bytes_its_declared_charset_does_not_define_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ingest-sjis-{Guid.NewGuid():N}.html");
        var head = Encoding.ASCII.GetBytes("<html><head><meta charset=\"shift_jis\"></head><body><p>Harbour ");
        // 0x81 0x20 is a lead byte without its trail byte: not Shift_JIS (and not UTF-8).
        File.WriteAllBytes(path, [.. head, 0x81, 0x20, .. Encoding.ASCII.GetBytes("reopens.</p></body></html>")]);
        try
        {
            var reason = Assert.Throws<ArticleRejectedException>(() => ArticleFileReader.Read(path)).Reason;

            Assert.Contains("not valid shift_jis", reason, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Every_sample_article_of_the_standalone_host_passes_the_limits()
    {
        var samples = Path.Combine(RepositoryPaths.Root, "services", "Standalone", "SampleArticles");
        var files = Directory.EnumerateFiles(samples).Where(ArticleFileReader.IsArticleFile).ToList();

        Assert.NotEmpty(files);
        foreach (var article in files.SelectMany(ArticleFileReader.Read))
        {
            Assert.NotEmpty(Cleaner.Clean(article, "art_1", DateTimeOffset.UnixEpoch).Text);
        }
    }

    /// <summary>A clock on which every timer is already due: a cleaning budget runs out before the work starts.</summary>
    private sealed class ExpiredTimeProvider : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            callback(state);
            return new SpentTimer();
        }

        private sealed class SpentTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => false;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
