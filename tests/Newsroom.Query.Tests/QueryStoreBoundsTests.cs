using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;
using Xunit;
using Xunit.Abstractions;
using static Newsroom.Query.Tests.StoryEvents;

namespace Newsroom.Query.Tests;

/// <summary>
/// What one article or one story may cost the read model: bounded stored and indexed text, a bounded
/// search row per story whatever its size, and searches that stop when their call is cancelled.
/// </summary>
public sealed class QueryStoreBoundsTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset IndexedAt = Start.AddDays(1);
    private readonly SqliteDatabase _database = SqliteDatabase.InMemory();

    [Fact]
    public void A_story_update_indexes_a_bounded_search_row_whatever_the_story_size()
    {
        var store = new QueryStore(_database);
        var version = 0;
        foreach (var target in new[] { 1, 50, 150, 300 })
        {
            for (; version < target - 1; version++)
            {
                store.IndexStory(Member(version + 1), IndexedAt);
            }

            const int Measured = 30;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < Measured; i++, version++)
            {
                store.IndexStory(Member(version + 1), IndexedAt);
            }

            watch.Stop();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"story of {target} articles: {watch.Elapsed.TotalMilliseconds / Measured:F2} ms per update ({(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Measured:F2} ms CPU); search row {SearchRowLength()} chars"));
        }

        Assert.Equal(version, store.GetStorySummary("s1")!.ArticleCount);
        Assert.InRange(SearchRowLength(), 1, 3 * IndexLimits.MaxSearchColumnLength);
    }

    [Fact]
    public void A_huge_title_and_text_are_stored_and_indexed_cut_to_their_limits()
    {
        var store = new QueryStore(_database);
        var title = "Huge " + string.Concat(Enumerable.Repeat("headline words repeated ", 110_000));
        var text = "Opening paragraph.\n" + string.Concat(Enumerable.Repeat("body words go on ", 300_000));

        store.IndexStory(Story("huge", "h1", title, text), IndexedAt);

        var story = store.GetStory("huge")!;
        Assert.Equal(title[..IndexLimits.MaxTitleLength], story.Summary.Title);
        Assert.Equal(title[..IndexLimits.MaxTitleLength], Assert.Single(story.Articles).Title);
        Assert.Equal(title[..IndexLimits.MaxTitleLength], store.GetArticleStatus("h1")!.Title);
        Assert.InRange(SearchRowLength(), 1, 3 * IndexLimits.MaxSearchColumnLength);
        var hit = Assert.Single(store.SearchStories(SearchTerms.Words("headline body"), null, 0, 10).Hits);
        Assert.Contains(hit.Snippets, s => s.Contains("[headline]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_search_whose_call_is_already_cancelled_does_not_run()
    {
        var store = new QueryStore(_database);
        store.IndexStory(Story("s1", "a1", "Drone strike hits convoy", "A drone hit a convoy."), IndexedAt);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => store.SearchStories(SearchTerms.Words("drone"), null, 0, 10, cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Cancelling_the_call_interrupts_the_statement_that_is_running()
    {
        var store = new QueryStore(_database);
        using var call = new CancellationTokenSource();
        long? rowsRead = null;

        // The statement itself cancels the call at its 1,000th row, so nothing depends on timing:
        // only an interrupt stops it before its 10,000,000th.
        var exception = Assert.ThrowsAny<OperationCanceledException>(() => store.Read(db =>
        {
            var connection = (SqliteConnection)db.Connection;
            connection.CreateFunction("cancel_the_call", (long row) =>
            {
                if (row == 1_000)
                {
                    call.Cancel();
                }

                return row;
            });
            using var command = db.Command("""
                WITH RECURSIVE rows(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM rows WHERE n < 10000000)
                SELECT COUNT(cancel_the_call(n)) FROM rows
                """);
            rowsRead = (long)command.ExecuteScalar()!;
            return rowsRead;
        }, call.Token));

        Assert.Null(rowsRead);
        Assert.Equal(call.Token, exception.CancellationToken);
        var interrupted = Assert.IsType<SqliteException>(exception.InnerException);
        Assert.Equal(9, interrupted.SqliteErrorCode);
    }

    private long SearchRowLength()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT length(member_titles) + length(leads) + length(body) FROM story_search";
        return (long)command.ExecuteScalar()!;
    }

    private static Contracts.Events.StoryUpdated Member(int version)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"a{version}");
        var words = string.Join(' ', Enumerable.Range(0, 500).Select(i => string.Create(CultureInfo.InvariantCulture, $"w{(i * 7919 + version) % 5000}")));
        var text = $"Kataib Hezbollah suspended its attacks, report {version} says.\n{words}";
        return Update("s1", version, Extracted(
            Article(id, $"Report {version}: Kataib Hezbollah suspends attacks", text, "Source" + (version % 7).ToString(CultureInfo.InvariantCulture)),
            Lead("Kataib Hezbollah", "kh", EventAction.Suspend, "suspended", "US forces", "us-forces"),
            Mention("Kataib Hezbollah", "kh", "Kataib Hezbollah"), Mention("Spokesman" + id, "p" + id, "Spokesman " + id, EntityType.Person)));
    }
}
