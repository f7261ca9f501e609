using Newsroom.Cli.Bench;
using Newsroom.Contracts.V1;
using Xunit;

namespace Newsroom.Cli.Tests;

public sealed class BenchLoadTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-cli-bench-");

    [Fact]
    public void Synthetic_news_repeats_for_a_seed_and_differs_between_seeds()
    {
        var first = new SyntheticNews(3).Articles(200);
        var again = new SyntheticNews(3).Articles(200);
        var other = new SyntheticNews(4).Articles(200);

        Assert.Equal(first, again);
        Assert.Equal(200, first.Select(a => a.ClientRef).Distinct().Count());
        Assert.Equal(200, first.Select(a => a.Text).Distinct().Count());
        Assert.Empty(first.Select(a => a.Title).Intersect(other.Select(a => a.Title)));
    }

    [Fact]
    public void Synthetic_news_reports_most_events_more_than_once()
    {
        var articles = new SyntheticNews(5).Articles(400);

        // An event's reports share its headline; about four reports an event, never one event for all.
        var events = articles.GroupBy(a => a.Title).ToList();
        Assert.InRange(events.Count, 400 / (SyntheticNews.ReportsPerEvent * 2), 400 / 2);
        Assert.True(events.Count(e => e.Count() > 1) > events.Count / 2);
    }

    [Fact]
    public void A_corpus_load_repeats_the_articles_each_copy_new_to_ingest_with_the_marker_in_its_longest_paragraph()
    {
        const string Longest = "Brannock Shipping Company said on Thursday it had halted all sailings from the port of Port Marrow after a fire damaged two of its cranes.";
        var input = Path.Combine(_folder.FullName, "two.jsonl");
        File.WriteAllLines(input,
        [
            System.Text.Json.JsonSerializer.Serialize(new { id = "t", text = "Short title\n\n" + Longest + "\n\nNo one was hurt.\n\nShare this" }),
            System.Text.Json.JsonSerializer.Serialize(new { id = "h", html = "<html><body><p>Nav</p><p>" + Longest + "</p><p>Footer</p></body></html>" }),
        ]);

        var load = CorpusLoad.Articles(input, 5, seed: 12);

        Assert.Equal(5, load.Count);
        Assert.Equal(5, load.Select(a => a.Url).Distinct().Count());
        Assert.Equal(SubmitArticleRequest.BodyOneofCase.Text, load[2].BodyCase);
        Assert.Contains(Longest + " This copy, number 2 of load run 12, was sent by newsroom bench.\n\nNo one was hurt.", load[2].Text, StringComparison.Ordinal);
        Assert.EndsWith("Share this", load[2].Text, StringComparison.Ordinal);
        Assert.Contains("This copy, number 3 of load run 12, was sent by newsroom bench.</p><p>Footer</p>", load[3].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_queries_repeat_for_a_seed_and_reach_common_and_rare_words_alike()
    {
        var words = Enumerable.Range(0, 10_000).Select(i => $"w{i}").ToList();

        var queries = SearchQueries.Create(words, 2000, seed: 8);

        Assert.Equal(queries, SearchQueries.Create(words, 2000, seed: 8));
        Assert.NotEqual(queries, SearchQueries.Create(words, 2000, seed: 9));
        var asked = queries.SelectMany(q => q.Split(' ')).Select(w => int.Parse(w[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(queries, q => Assert.InRange(q.Split(' ').Length, 1, 2));
        // Ranks spread on a log scale: each decade of ranks gets a like share.
        Assert.InRange(asked.Count(rank => rank < 10) / (double)asked.Count, 0.15, 0.35);
        Assert.InRange(asked.Count(rank => rank >= 1000) / (double)asked.Count, 0.15, 0.35);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
