using System.Text.Json;
using Newsroom.Contracts.Events;
using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Ingest.Tests;

/// <summary>The five seed page dumps: headline as title, boilerplate and captions gone, dates and datelines read.</summary>
public sealed class SeedCorpusTests(ITestOutputHelper output)
{
    private static readonly ArticleCleaner Cleaner = new();

    private static ArticleIngested CleanSeed(string fileName)
    {
        var raw = ArticleFileReader.Read(Path.Combine(RepositoryPaths.CorpusFile("seeds"), fileName)).Single();
        return Cleaner.Clean(raw, "art_seed", DateTimeOffset.UnixEpoch);
    }

    [CorpusFact]
    public void Every_seed_loses_the_boilerplate_lines_of_expected_json_and_its_captions_and_teasers()
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.CorpusFile("seeds"), "expected.json")));
        var boilerplate = expected.RootElement.GetProperty("boilerplate_lines_to_drop").EnumerateArray().Select(e => e.GetString()!).ToList();
        var seeds = Directory.GetFiles(RepositoryPaths.CorpusFile("seeds"), "*.txt").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(5, seeds.Count);
        foreach (var seed in seeds)
        {
            var article = CleanSeed(Path.GetFileName(seed));
            output.WriteLine($"== {Path.GetFileName(seed)}: \"{article.Title}\" {article.Published:O} dateline {article.Dateline}\n{article.Text}\n");
            var lines = article.Text.Split('\n').Select(l => l.Trim()).ToList();
            foreach (var line in boilerplate)
            {
                Assert.DoesNotContain(line, lines);
            }
            Assert.DoesNotContain(lines, l => l.StartsWith("READ:", StringComparison.Ordinal) || l.StartsWith("OPINION:", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.EndsWith("Images]", StringComparison.Ordinal) || l.Contains("(AP Photo/", StringComparison.Ordinal));
            Assert.Equal(lines.Distinct().Count(), lines.Count(l => l.Length > 0) + (lines.Contains("") ? 1 : 0));
            Assert.DoesNotContain(article.Title, lines);
        }
    }

    [CorpusFact]
    public void Seeds_with_a_headline_take_it_as_their_title()
    {
        Assert.Equal("Kataib Hezbollah announces resumption of attacks on US forces in Iraq", CleanSeed("000_2f77344e70f9bf68.txt").Title);
        Assert.Equal("Iraq: Kataib Hezbollah suspends operations against US forces in the region", CleanSeed("002_e77f9f4e79c22146.txt").Title);
        Assert.Equal("Iraqi pro-Iran faction warns the US to withdraw", CleanSeed("004_11335e57d52a18ba.txt").Title);
    }

    [CorpusFact]
    public void Seeds_without_a_headline_take_their_lead_sentence_as_title()
    {
        var article = CleanSeed("003_b1b8b106ab770651.txt");
        Assert.StartsWith("Kataeb Hezbollah, a pro-Iranian group in Iraq, announced", article.Title, StringComparison.Ordinal);
        Assert.StartsWith("Kataeb Hezbollah, a pro-Iranian group", article.Text, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void The_date_under_the_headline_is_the_publication_date()
    {
        Assert.Equal(new DateTimeOffset(2024, 1, 31, 13, 58, 0, TimeSpan.Zero), CleanSeed("002_e77f9f4e79c22146.txt").Published);
    }

    [CorpusFact]
    public void A_site_header_date_is_used_when_nothing_better_exists()
    {
        Assert.Equal(new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero), CleanSeed("001_1bc98a23510e57dc.txt").Published);
    }

    [CorpusFact]
    public void The_dateline_is_recorded_and_the_lead_starts_after_it_without_the_pull_quote_above()
    {
        var article = CleanSeed("000_2f77344e70f9bf68.txt");
        Assert.Equal("ERBIL", article.Dateline);
        Assert.StartsWith("Kataib Hezbollah, an Iraqi militia group, declared", article.Text, StringComparison.Ordinal);
        Assert.Single(article.Text.Split("\n\n"), p => p.StartsWith("\"After the al-Sudani visit", StringComparison.Ordinal));
    }

    [CorpusFact]
    public void A_trailing_agency_credit_goes_with_the_rest_of_the_page_tail()
    {
        var article = CleanSeed("004_11335e57d52a18ba.txt");
        Assert.EndsWith("coalition\u2019s mission.", article.Text, StringComparison.Ordinal);
    }
}
