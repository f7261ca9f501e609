using Xunit;

namespace Newsroom.Ingest.Tests;

public sealed class ArticleIngestorTests : IAsyncLifetime
{
    private IngestTestServices _services = null!;

    public async Task InitializeAsync() => _services = await IngestTestServices.StartAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private static RawArticle Article(string clientRef, string text, string? url = null) => new() { ClientRef = clientRef, Text = text, Url = url };

    [Fact]
    public async Task Same_url_is_a_duplicate_of_the_first_article_and_publishes_nothing_new()
    {
        var ingestor = _services.CreateIngestor();
        var first = await ingestor.SubmitAsync(Article("a", "The first version of the story, with its facts.", "https://example.com/story?utm_source=x"), default);
        var second = await ingestor.SubmitAsync(Article("b", "A rewritten version of the story, changed later.", "http://www.example.com/story/"), default);

        Assert.Equal(IngestOutcome.Accepted, first.Outcome);
        Assert.Matches("^art_[0-9a-f]{16}$", first.ArticleId);
        Assert.Equal(ArticleIdentity.FromUrl("https://example.com/story"), first.ArticleId);
        Assert.Equal(new IngestResult("b", IngestOutcome.Duplicate, first.ArticleId, "same url"), second);
        Assert.Equal(1, _services.PublishedIngested);
    }

    [Fact]
    public async Task Same_content_with_other_whitespace_is_a_duplicate()
    {
        var ingestor = _services.CreateIngestor();
        var first = await ingestor.SubmitAsync(Article("a", "Troops left the base on Monday.\n\nThe handover was quiet."), default);
        var second = await ingestor.SubmitAsync(Article("b", "  troops left the base   on Monday. \r\n\r\n\r\nThe handover was quiet  "), default);

        Assert.Equal(new IngestResult("b", IngestOutcome.Duplicate, first.ArticleId, "same content"), second);
        Assert.Equal(1, _services.PublishedIngested);
    }

    [Fact]
    public async Task Concurrent_submissions_of_one_article_store_and_publish_it_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            _services.CreateIngestor().SubmitAsync(Article($"c{i}", "Everyone sends the same story at once, and only one copy may win.", "https://example.com/race"), default))));

        // Whoever stored it is accepted; a submission that finds the event still unconfirmed is accepted
        // too (it waited for the same event); the others are duplicates. One event either way.
        Assert.Contains(results, r => r.Outcome == IngestOutcome.Accepted);
        Assert.All(results, r => Assert.True(r.Outcome == IngestOutcome.Accepted || (r.Outcome == IngestOutcome.Duplicate && r.Reason == "same url"), $"{r.ClientRef}: {r}"));
        Assert.Single(results.Select(r => r.ArticleId).Distinct());
        Assert.Equal(1, _services.PublishedIngested);
        Assert.Equal(1, _services.Store.Count());
    }

    [Fact]
    public async Task A_rejected_item_publishes_article_rejected_and_does_not_stop_the_next()
    {
        var ingestor = _services.CreateIngestor();
        var bad = await ingestor.SubmitAsync(Article("bad", "   "), default);
        var good = await ingestor.SubmitAsync(Article("good", "A perfectly ordinary article follows the bad one."), default);

        Assert.Equal(IngestOutcome.Rejected, bad.Outcome);
        Assert.Contains("empty", bad.Reason, StringComparison.Ordinal);
        Assert.Equal(IngestOutcome.Accepted, good.Outcome);
        Assert.Equal(1, _services.PublishedRejected);
        Assert.Equal(1, _services.PublishedIngested);
    }
}
