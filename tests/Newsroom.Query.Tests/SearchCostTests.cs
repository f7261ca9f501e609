using System.Diagnostics;
using System.Globalization;
using Newsroom.ServiceDefaults;
using Xunit;
using Xunit.Abstractions;
using static Newsroom.Query.Tests.StoryEvents;

namespace Newsroom.Query.Tests;

/// <summary>
/// A search matching a story with a 2.6 MB title among 200 ordinary stories: prints the time of a
/// search (no timed assertion; the bounds are asserted in <see cref="QueryStoreBoundsTests"/>).
/// </summary>
public sealed class SearchCostTests(ITestOutputHelper output)
{
    [Fact]
    public void Search_over_a_story_with_a_huge_title_answers_with_its_snippets()
    {
        var store = new QueryStore(SqliteDatabase.InMemory());
        var indexedAt = Start.AddDays(1);
        var hugeTitle = string.Concat(Enumerable.Repeat("militia attack convoy ", 120_000));
        store.IndexStory(Story("huge", "h0", hugeTitle, "The militia attack was reported.\n" + string.Concat(Enumerable.Repeat("attack words ", 80_000))), indexedAt);
        for (var i = 1; i <= 200; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            store.IndexStory(Story("s" + id, "a" + id, $"Militia attack number {id}", $"An attack by a militia, report {id}.\nMore lines of the report."), indexedAt);
        }

        var watch = Stopwatch.StartNew();
        var page = store.SearchStories(SearchTerms.Words("militia attack"), null, 0, 20);
        watch.Stop();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search over 201 matching stories, one with a {hugeTitle.Length / 1e6:F1} MB title: {watch.Elapsed.TotalMilliseconds:F0} ms"));
        Assert.Equal(201, page.TotalSize);
        Assert.Equal(20, page.Hits.Count);
        Assert.All(page.Hits, hit => Assert.NotEmpty(hit.Snippets));
    }
}
