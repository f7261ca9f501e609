using MassTransit;
using Microsoft.Data.Sqlite;
using Newsroom.Contracts.Events;
using Newsroom.ServiceDefaults;
using Xunit;

namespace Newsroom.Ingest.Tests;

/// <summary>
/// Ingest's outbox: an article and its event are stored together, and every stored event reaches the
/// bus at least once, whether its first publication failed or the process died before or after it.
/// A "restart" is a second set of services on the same database file.
/// </summary>
public sealed class OutboxTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("ingest-outbox-");

    private SqliteDatabase Database() => SqliteDatabase.File(Path.Combine(_data.FullName, IngestStore.FileName));

    private static RawArticle Article(string clientRef, string url) =>
        new() { ClientRef = clientRef, Url = url, Text = $"Harbour workers in {clientRef} ended their strike on Tuesday after the authority agreed to a pay rise." };

    private static ArticleIngested Cleaned(string clientRef, string url) =>
        new ArticleCleaner().Clean(Article(clientRef, url), ArticleIdentity.FromUrl(url), DateTimeOffset.UtcNow);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task Events_stored_but_never_published_before_a_crash_are_published_after_a_restart()
    {
        // What a kill between the commit and the publication leaves: the rows, and no event on the bus.
        var crashed = new IngestStore(Database());
        var first = Cleaned("portmere", "https://example.com/portmere");
        var second = Cleaned("glenrock", "https://example.com/glenrock");
        Assert.True(crashed.TryAdd(first, "portmere").Added);
        Assert.True(crashed.TryAdd(second, "glenrock").Added);

        await using var restarted = await IngestTestServices.StartAsync(Database());

        Assert.True(await restarted.WaitForPublishedIngestedAsync(2), "the dispatcher did not publish what the outbox held at start");
        Assert.Equal([first.ArticleId, second.ArticleId], restarted.PublishedIngestedEvents.Select(e => e.ArticleId));
        // Each event goes out numbered in the order its article was stored, for dedup to decide in.
        Assert.Equal(first with { Sequence = 1 }, restarted.PublishedIngestedEvents[0]);
        Assert.Equal(2, restarted.PublishedIngestedEvents[1].Sequence);
        Assert.True(await restarted.WaitForNothingPendingAsync(), "a published event stayed pending in the outbox");
    }

    [Fact]
    public async Task An_event_published_but_not_marked_before_a_crash_is_published_once_more_and_confirmed_events_never_again()
    {
        var sentBefore = Cleaned("sent", "https://example.com/sent");
        var unmarked = Cleaned("unmarked", "https://example.com/unmarked");
        var crashed = new IngestStore(Database());
        crashed.TryAdd(sentBefore, "sent");
        crashed.MarkSent(sentBefore.ArticleId, DateTimeOffset.UtcNow);
        // The broker confirmed this one, but the process died before the mark: still pending.
        crashed.TryAdd(unmarked, "unmarked");

        await using var restarted = await IngestTestServices.StartAsync(Database());

        Assert.True(await restarted.WaitForPublishedIngestedAsync(1));
        var later = await restarted.CreateIngestor().SubmitAsync(Article("later", "https://example.com/later"), default);
        Assert.Equal(IngestOutcome.Accepted, later.Outcome);
        Assert.Equal([unmarked.ArticleId, later.ArticleId], restarted.PublishedIngestedEvents.Select(e => e.ArticleId));
        Assert.Equal(IngestOutcome.Duplicate, (await restarted.CreateIngestor().SubmitAsync(Article("sent-again", sentBefore.Url), default)).Outcome);
        Assert.Equal(2, restarted.PublishedIngested);
    }

    [Fact]
    public async Task A_failed_publication_leaves_the_event_pending_and_it_is_retried_until_it_goes_out()
    {
        // Retries come quickly however many failed before the outage ends, so the wait below measures the retry, not the back-off.
        await using var services = await IngestTestServices.StartAsync(outbox: QuickRetries());
        services.FailPublishing = true;

        var result = await services.CreateIngestor().SubmitAsync(Article("outage", "https://example.com/outage"), default);

        Assert.Equal(IngestOutcome.Accepted, result.Outcome);
        await WaitForFailedAttemptAsync(services.Store);
        Assert.Equal(0, services.PublishedIngested);

        services.FailPublishing = false;
        Assert.True(await services.WaitForPublishedIngestedAsync(1), "the pending event was not retried");
        Assert.Equal(result.ArticleId, services.PublishedIngestedEvents.Single().ArticleId);
        Assert.True(await services.WaitForNothingPendingAsync(), "a published event stayed pending in the outbox");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public async Task Publications_that_keep_failing_on_a_healthy_bus_restart_it_unless_restarts_are_off_and_the_event_goes_out_when_the_broker_confirms(int restartBusAfter)
    {
        await using var services = await IngestTestServices.StartAsync(outbox: QuickRetries(restartBusAfter));
        services.FailPublishing = true;

        var result = await services.CreateIngestor().SubmitAsync(Article("stuck", "https://example.com/stuck"), default);
        await WaitForFailedAttemptsAsync(services.Store, 5);

        Assert.True(services.BusStarts > 1 == restartBusAfter > 0, $"the bus started {services.BusStarts} times in 5 failed rounds with RestartBusAfter {restartBusAfter}");
        services.FailPublishing = false;
        Assert.True(await services.WaitForPublishedIngestedAsync(1), "the pending event did not go out");
        Assert.Equal(result.ArticleId, services.PublishedIngestedEvents.Single().ArticleId);
        Assert.True(await services.WaitForNothingPendingAsync(), "a published event stayed pending in the outbox");
    }

    [Fact]
    public async Task A_bus_that_cannot_start_again_after_its_restart_is_started_at_each_poll_until_it_can()
    {
        await using var services = await IngestTestServices.StartAsync(outbox: QuickRetries(restartBusAfter: 2));
        services.FailPublishing = true;
        services.RefuseBusStarts = true;

        var result = await services.CreateIngestor().SubmitAsync(Article("stuck", "https://example.com/stuck"), default);
        await WaitForFailedAttemptsAsync(services.Store, 2);
        for (var i = 0; i < 100 && services.Harness.Bus is IBusControl control && control.CheckHealth().Status == BusHealthStatus.Healthy; i++)
        {
            await Task.Delay(20);
        }

        Assert.Equal(1, services.BusStarts);
        services.FailPublishing = false;
        services.RefuseBusStarts = false;
        Assert.True(await services.WaitForPublishedIngestedAsync(1), "the stopped bus was never started again");
        Assert.Equal(2, services.BusStarts);
        Assert.Equal(result.ArticleId, services.PublishedIngestedEvents.Single().ArticleId);
    }

    [Fact]
    public async Task A_resubmission_of_an_article_whose_event_was_never_confirmed_is_accepted_and_publishes_it()
    {
        // The dispatcher's own retry is an hour away: only the re-submission can bring the event out.
        await using var services = await IngestTestServices.StartAsync(outbox: o =>
        {
            o.ConfirmWait = TimeSpan.FromMilliseconds(300);
            o.RetryDelay = TimeSpan.FromHours(1);
            o.MaxRetryDelay = TimeSpan.FromHours(1);
        });
        services.FailPublishing = true;
        var first = await services.CreateIngestor().SubmitAsync(Article("first-try", "https://example.com/retried"), default);
        await WaitForFailedAttemptAsync(services.Store);

        services.FailPublishing = false;
        var again = await services.CreateIngestor().SubmitAsync(Article("second-try", "https://example.com/retried"), default);

        Assert.Equal(new IngestResult("second-try", IngestOutcome.Accepted, first.ArticleId, ""), again);
        Assert.Equal([first.ArticleId], services.PublishedIngestedEvents.Select(e => e.ArticleId));
        Assert.True(await services.WaitForNothingPendingAsync(), "a published event stayed pending in the outbox");
        Assert.Equal(1, services.Store.Count());
    }

    [Fact]
    public void An_article_and_its_event_are_stored_together_and_a_duplicate_adds_neither()
    {
        var store = new IngestStore(Database());
        var article = Cleaned("one", "https://example.com/one");

        var stored = store.TryAdd(article, "one");
        var duplicate = store.TryAdd(article with { ArticleId = ArticleIdentity.FromUrl("https://example.com/copy"), Url = "https://example.com/copy" }, "copy");

        Assert.Equal(new StoreOutcome(true, article.ArticleId, "", EventPending: true), stored);
        Assert.Equal(new StoreOutcome(false, article.ArticleId, "same content", EventPending: true), duplicate);
        Assert.Equal((1, 1), (store.Count(), store.PendingCount()));
        store.MarkSent(article.ArticleId, DateTimeOffset.UtcNow);
        Assert.False(store.TryAdd(article, "again").EventPending);
        Assert.Empty(store.PendingEvents(10));
    }

    /// <summary>Short waits and pauses, so retries come within a test's patience.</summary>
    private static Action<OutboxOptions> QuickRetries(int restartBusAfter = 0) => o =>
    {
        o.ConfirmWait = TimeSpan.FromMilliseconds(300);
        o.RetryDelay = TimeSpan.FromMilliseconds(50);
        o.MaxRetryDelay = TimeSpan.FromMilliseconds(100);
        o.PollInterval = TimeSpan.FromMilliseconds(100);
        o.RestartBusAfter = restartBusAfter;
    };

    private static Task WaitForFailedAttemptAsync(IngestStore store) => WaitForFailedAttemptsAsync(store, 1);

    private static async Task WaitForFailedAttemptsAsync(IngestStore store, int attempts)
    {
        for (var i = 0; i < 1500 && !(store.PendingEvents(1) is [var pending] && pending.Attempts >= attempts); i++)
        {
            await Task.Delay(20);
        }
        Assert.True(store.PendingEvents(1) is [var tried] && tried.Attempts >= attempts, $"the dispatcher did not try {attempts} times to publish the pending event");
    }
}
