using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newsroom.Contracts.Events;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup.Tests;

public sealed class ArticleResequencerTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private readonly SqliteDatabase _database = SqliteDatabase.InMemory();

    private readonly StoryStore _store;
    private readonly FakeTimeProvider _time = new();

    public ArticleResequencerTests()
    {
        _store = new StoryStore(_database);
    }

    [Fact]
    public async Task Articles_that_arrive_out_of_order_are_let_through_in_ingest_order()
    {
        var resequencer = Resequencer();
        var entered = new List<long>();

        var third = Enter(resequencer, 3, entered);
        var second = Enter(resequencer, 2, entered);
        Assert.Empty(entered);

        using (await Enter(resequencer, 1, entered))
        {
            Assert.False(second.IsCompleted);
        }
        (await second).Dispose();
        (await third).Dispose();

        Assert.Equal([1, 2, 3], entered);
    }

    [Fact]
    public async Task A_gap_that_stays_open_for_the_wait_is_passed_over_and_the_late_article_goes_through_at_once()
    {
        var resequencer = Resequencer();
        var entered = new List<long>();

        var third = Enter(resequencer, 3, entered);
        var second = Enter(resequencer, 2, entered);
        _time.Advance(Wait - TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        Assert.Empty(entered);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        (await second).Dispose();
        (await third).Dispose();
        (await Enter(resequencer, 1, entered)).Dispose();

        Assert.Equal([2, 3, 1], entered);
    }

    [Fact]
    public async Task Unnumbered_articles_and_those_after_a_restart_take_their_turn_from_the_stored_decisions()
    {
        var clusterer = new StoryClusterer(_store);
        DecideNumbered(clusterer, 1, 5);
        var restarted = Resequencer(clusterer);
        var entered = new List<long>();

        var seventh = Enter(restarted, 7, entered);
        (await Enter(restarted, 0, entered)).Dispose();
        (await Enter(restarted, 6, entered)).Dispose();
        (await seventh).Dispose();

        Assert.Equal([0, 6, 7], entered);
    }

    [Fact]
    public async Task A_standby_finds_the_articles_another_replica_decided_instead_of_waiting_for_them_again()
    {
        var resequencer = Resequencer();
        var entered = new List<long>();
        (await Enter(resequencer, 1, entered)).Dispose();
        // The other replica, on the same store, decides 2 to 12 while this one stands by.
        DecideNumbered(new StoryClusterer(new StoryStore(_database)), 2, 12);

        var eleventh = Enter(resequencer, 11, entered);
        _time.Advance(Wait / 2);
        var thirteenth = Enter(resequencer, 13, entered);
        _time.Advance(Wait / 2);
        (await eleventh).Dispose();
        // Before its own wait is out: the turn moved past 12, which the store holds.
        (await thirteenth.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();

        // 11 and 13 are let through by the same catch-up, so either may note its entry first.
        Assert.Equal([1, 11, 13], entered.Order());
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_no_waiter_behind()
    {
        var resequencer = Resequencer();
        using var cancel = new CancellationTokenSource();
        var waiting = resequencer.EnterAsync(2, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        var entered = new List<long>();
        (await Enter(resequencer, 1, entered)).Dispose();
        (await Enter(resequencer, 2, entered)).Dispose();
        Assert.Equal([1, 2], entered);
    }

    [Fact]
    public async Task An_article_passed_over_as_parked_lets_those_after_it_through_without_waiting()
    {
        var resequencer = Resequencer();
        var entered = new List<long>();
        (await Enter(resequencer, 1, entered)).Dispose();

        var third = Enter(resequencer, 3, entered);
        var fifth = Enter(resequencer, 5, entered);
        await resequencer.PassOverAsync(4, CancellationToken.None);
        await resequencer.PassOverAsync(2, CancellationToken.None);
        (await third).Dispose();
        (await fifth).Dispose();

        Assert.Equal([1, 3, 5], entered);
        Assert.Equal(0, resequencer.Waiting);
    }

    [Fact]
    public async Task A_parked_article_replayed_before_its_turn_takes_its_turn_as_usual()
    {
        var resequencer = Resequencer();
        var entered = new List<long>();
        await resequencer.PassOverAsync(2, CancellationToken.None);

        var second = Enter(resequencer, 2, entered);
        var third = Enter(resequencer, 3, entered);
        (await Enter(resequencer, 1, entered)).Dispose();
        (await second).Dispose();
        (await third).Dispose();

        Assert.Equal([1, 2, 3], entered);
    }

    [Fact]
    public async Task An_attempt_that_failed_keeps_the_turn_for_its_retry()
    {
        var resequencer = Resequencer();
        var entered = new List<long>();
        var second = Enter(resequencer, 2, entered);

        await resequencer.EnterAsync(1, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        (await Enter(resequencer, 1, entered)).Dispose();
        (await second).Dispose();

        Assert.Equal([1, 2], entered);
    }

    [Fact]
    public async Task Whether_the_next_article_waits_counts_numbers_passed_over_as_gone()
    {
        var resequencer = Resequencer();
        var entered = new List<long>();
        using (await Enter(resequencer, 1, entered))
        {
            Assert.False(resequencer.NextIsWaiting(1));
            var second = Enter(resequencer, 2, entered);
            Assert.True(resequencer.NextIsWaiting(1));
            await resequencer.PassOverAsync(3, CancellationToken.None);
            var fourth = Enter(resequencer, 4, entered);
            Assert.True(resequencer.NextIsWaiting(2));
            Assert.False(resequencer.NextIsWaiting(4));
            _ = second.ContinueWith(t => t.Result.Dispose(), TaskScheduler.Default);
            _ = fourth.ContinueWith(t => t.Result.Dispose(), TaskScheduler.Default);
        }
        Assert.True(await WaitUntilAsync(() => entered.Count == 3));
        Assert.Equal([1, 2, 4], entered);
    }

    [Fact]
    public async Task Articles_whose_decisions_were_rolled_back_take_their_turns_again_before_those_after_them()
    {
        var resequencer = Resequencer();
        var entered = new List<long>();
        (await Enter(resequencer, 1, entered)).Dispose();
        (await Enter(resequencer, 2, entered)).Dispose();
        (await Enter(resequencer, 3, entered)).Dispose();
        var fifth = Enter(resequencer, 5, entered);

        // The commit of 2 and 3 failed: each gives its turn back, and their retries come in order.
        resequencer.Rewind(3);
        resequencer.Rewind(2);
        var third = Enter(resequencer, 3, entered);
        await Task.Delay(50);
        Assert.False(third.IsCompleted);
        (await Enter(resequencer, 2, entered)).Dispose();
        (await third).Dispose();
        var fourth = Enter(resequencer, 4, entered);
        (await fourth).Dispose();
        (await fifth).Dispose();

        Assert.Equal([1, 2, 3, 2, 3, 4, 5], entered);
    }

    [Fact]
    public async Task When_the_window_is_full_the_article_numbered_highest_goes_back_and_is_let_through_when_it_returns()
    {
        var resequencer = Resequencer(window: 2);
        var entered = new List<long>();

        var fifth = resequencer.EnterAsync(5, CancellationToken.None);
        var fourth = Enter(resequencer, 4, entered);
        Assert.False(await resequencer.EnterAsync(6, CancellationToken.None));
        Assert.False(fifth.IsCompleted);

        // An article whose turn comes sooner takes the place of the one numbered highest, waiting or not.
        var third = Enter(resequencer, 3, entered);
        Assert.False(await fifth);
        Assert.Equal(2, resequencer.Waiting);

        (await Enter(resequencer, 1, entered)).Dispose();
        (await Enter(resequencer, 2, entered)).Dispose();
        (await third).Dispose();
        (await fourth).Dispose();
        (await Enter(resequencer, 5, entered)).Dispose();
        (await Enter(resequencer, 6, entered)).Dispose();

        Assert.Equal([1, 2, 3, 4, 5, 6], entered);
    }

    /// <summary>
    /// A dedup whose store starts empty while ingest's numbers are far along (a new database, a replaced replica):
    /// the articles wait, those beyond the window go round the queue, and the first waiter's wait passes over the
    /// gap. Without that, the articles went round the queue for ever (seen in the compose test's PostgreSQL stage).
    /// </summary>
    [Fact]
    public async Task Articles_far_ahead_of_an_empty_store_pass_over_the_gap_after_the_wait()
    {
        var resequencer = Resequencer(window: 2);
        var entered = new List<long>();

        var late = Enter(resequencer, 301, entered);
        var first = Enter(resequencer, 300, entered);
        _time.Advance(Wait - TimeSpan.FromMilliseconds(1));
        Assert.False(await resequencer.EnterAsync(302, CancellationToken.None));
        await Task.Delay(50);
        Assert.Empty(entered);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        (await first).Dispose();
        (await late).Dispose();

        Assert.Equal([300, 301], entered);
        Assert.True(await resequencer.EnterAsync(299, CancellationToken.None));
    }

    public void Dispose() => _store.Dispose();

    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 100 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }
        return condition();
    }

    private ArticleResequencer Resequencer(StoryClusterer? clusterer = null, int window = 128) =>
        new(clusterer ?? new StoryClusterer(_store), Options.Create(new ResequencingOptions { Wait = Wait, Window = window }), _time, NullLogger<ArticleResequencer>.Instance);

    /// <summary>Decides articles numbered <paramref name="from"/> to <paramref name="to"/>, as a dedup that held the queue would have.</summary>
    private static void DecideNumbered(StoryClusterer clusterer, long from, long to)
    {
        for (var sequence = from; sequence <= to; sequence++)
        {
            var article = SyntheticArticles.Create($"art_{sequence}", $"Title {sequence}", $"Text of article number {sequence} about harbour cranes.");
            clusterer.Assign(article with { Article = article.Article with { Sequence = sequence } }, SyntheticArticles.Ingested);
        }
    }

    /// <summary>Enters the article's turn and notes it; disposing the result leaves the turn.</summary>
    private static async Task<IDisposable> Enter(ArticleResequencer resequencer, long sequence, List<long> entered)
    {
        Assert.True(await resequencer.EnterAsync(sequence, CancellationToken.None), $"Article {sequence} was refused");
        lock (entered)
        {
            entered.Add(sequence);
        }
        return new Turn(resequencer, sequence);
    }

    private sealed class Turn(ArticleResequencer resequencer, long sequence) : IDisposable
    {
        public void Dispose() => resequencer.Leave(sequence);
    }
}
