using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newsroom.ServiceDefaults;
using Xunit;
using static Newsroom.Query.Tests.StoryEvents;

namespace Newsroom.Query.Tests;

/// <summary>
/// The search index's segments are merged once no story has been indexed for a while, and the merge changes no
/// search. Each story below is indexed alone, so each commit leaves a segment, as a trickle of articles does.
/// </summary>
public sealed class SearchSegmentMergerTests : IDisposable
{
    private const int Stories = 48;

    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-segment-merge-");
    private readonly FakeTimeProvider _time = new(Start);
    private readonly FakeLogger<SearchSegmentMerger> _log = new();

    private string DatabasePath => Path.Combine(_folder.FullName, QueryServiceExtensions.DatabaseFileName);

    [Fact]
    public async Task After_a_quiet_spell_the_segments_are_merged_and_every_search_finds_what_it_did()
    {
        using var store = Indexed();
        var before = store.CountSearchSegments();
        var searches = new[] { "convoy", "militia attack", "border crossing", "report 17" };
        var found = searches.Select(words => Found(store, words)).ToList();
        Assert.True(before >= Stories / 2, $"{before} segments after {Stories} commits");

        using var merger = await StartAsync(store, Idle);
        await QuietAsync(Idle + TimeSpan.FromSeconds(5));
        var after = await WhenFewerAsync(store, before);

        Assert.True(after < before, $"{before} segments before the merge, {after} after");
        Assert.Equal(found, searches.Select(words => Found(store, words)).ToList());
        Assert.Equal("ok", IntegrityCheck());
        Assert.Contains($"Merged the search index while idle: {before} segments to {after}", _log.LatestRecord.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_merged_while_stories_keep_coming_nor_when_merging_is_off()
    {
        using var store = Indexed();
        using (var merger = await StartAsync(store, Idle))
        {
            for (var i = 0; i < 10; i++)
            {
                store.IndexStory(Story($"late{i}", $"late-a{i}", $"Convoy stopped again {i}", "Another convoy was stopped at the border."), Start);
                await QuietAsync(Idle / 2);
            }

            Assert.Equal(0, _log.Collector.Count);
        }

        var segments = store.CountSearchSegments();
        using (var off = await StartAsync(store, TimeSpan.Zero))
        {
            await QuietAsync(TimeSpan.FromMinutes(10));
            await Task.Delay(200);
        }

        Assert.Equal(segments, store.CountSearchSegments());
        Assert.Equal(0, _log.Collector.Count);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    /// <summary>
    /// A store of <see cref="Stories"/> stories, each committed alone. FTS5's own merging as it writes is off (automerge, and crisismerge below 100 segments), so the
    /// index has the many segments that a long backfill leaves (27 after a million articles).
    /// </summary>
    private QueryStore Indexed()
    {
        var store = new QueryStore(SqliteDatabase.File(DatabasePath));
        Execute("INSERT INTO story_search (story_search, rank) VALUES ('automerge', 0)");
        Execute("INSERT INTO story_search (story_search, rank) VALUES ('crisismerge', 100)");
        for (var i = 0; i < Stories; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            var (title, text) = (i % 3) switch
            {
                0 => ($"Convoy stopped at the border {n}", $"A convoy was stopped at the border crossing, report {n}."),
                1 => ($"Militia attack on a base {n}", $"The militia attack hit a base, report {n}.\nA second paragraph on the attack."),
                _ => ($"Talks resume {n}", $"Negotiators met again, report {n}."),
            };
            store.IndexStory(Story($"s{n}", $"a{n}", title, text), Start.AddMinutes(i));
        }

        return store;
    }

    private async Task<SearchSegmentMerger> StartAsync(QueryStore store, TimeSpan idle)
    {
        var merger = new SearchSegmentMerger(
            store, Options.Create(new SearchOptions { MergeWhenIdleSeconds = (int)idle.TotalSeconds }), _time, _log);
        await merger.StartAsync(CancellationToken.None);
        return merger;
    }

    /// <summary>Moves the clock on in steps, letting the merger's timer fire at each.</summary>
    private async Task QuietAsync(TimeSpan span)
    {
        var step = TimeSpan.FromSeconds(1);
        for (var passed = TimeSpan.Zero; passed < span; passed += step)
        {
            _time.Advance(step);
            await Task.Delay(5);
        }
    }

    /// <summary>The segment count once it falls below <paramref name="before"/>; the merge runs on the merger's own task.</summary>
    private static async Task<long> WhenFewerAsync(QueryStore store, long before)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long segments;
        while ((segments = store.CountSearchSegments()) >= before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return segments;
    }

    private static List<string> Found(QueryStore store, string words) =>
        [.. store.SearchStories(SearchTerms.Words(words), null, 0, 100).Hits.Select(hit => string.Create(CultureInfo.InvariantCulture, $"{hit.Story.StoryId} {hit.Score:R} {string.Join('|', hit.Snippets)}"))];

    private string IntegrityCheck()
    {
        try
        {
            Execute("INSERT INTO story_search (story_search) VALUES ('integrity-check')");
            return "ok";
        }
        catch (SqliteException error)
        {
            return error.Message;
        }
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
