using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Ingest.Tests;

/// <summary>
/// Main-text extraction measured on the Article Extraction Benchmark pages: token 4-gram shingle
/// precision, recall and F1 of the extracted text against the gold articleBody, averaged over pages.
/// </summary>
public sealed partial class ExtractionBenchmarkTests(ITestOutputHelper output)
{
    // Measured on the 91 pages of ../shared/corpus/article-extraction: P 0.948, R 0.956, F1 0.947; the floors sit a little below.
    private const double MeanF1Floor = 0.93;
    private const double MeanPrecisionFloor = 0.93;
    private const double MeanRecallFloor = 0.94;

    [CorpusFact]
    public void Extracted_text_matches_the_gold_article_bodies()
    {
        Assert.True(Directory.Exists(RepositoryPaths.CorpusFile("article-extraction")), $"The corpus is missing: {RepositoryPaths.CorpusFile("article-extraction")}");
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.CorpusFile("article-extraction"), "ground-truth.json")));
        var cleaner = new ArticleCleaner();
        var scores = new List<(string Id, double P, double R, double F)>();
        foreach (var page in truth.RootElement.EnumerateObject())
        {
            var gold = page.Value.GetProperty("articleBody").GetString() ?? "";
            var url = page.Value.TryGetProperty("url", out var u) ? u.GetString() : null;
            var html = ArticleFileReader.Read(Path.Combine(RepositoryPaths.CorpusFile("article-extraction"), "html", page.Name + ".html.gz")).Single().Html;
            string extracted;
            try
            {
                extracted = cleaner.Clean(new RawArticle { ClientRef = page.Name, Html = html, Url = url }, "art_test", DateTimeOffset.UnixEpoch).Text;
            }
            catch (ArticleRejectedException)
            {
                extracted = "";
            }
            var (p, r, f) = ShingleScore(extracted, gold);
            scores.Add((page.Name, p, r, f));
        }

        var meanP = scores.Average(s => s.P);
        var meanR = scores.Average(s => s.R);
        var meanF = scores.Average(s => s.F);
        output.WriteLine($"pages {scores.Count}: precision {meanP:F3}, recall {meanR:F3}, F1 {meanF:F3}");
        foreach (var worst in scores.OrderBy(s => s.F).Take(8))
        {
            output.WriteLine($"  {worst.Id[..12]}: P {worst.P:F2} R {worst.R:F2} F1 {worst.F:F2}");
        }
        Assert.True(meanF >= MeanF1Floor, $"mean F1 {meanF:F3} fell below {MeanF1Floor}");
        Assert.True(meanP >= MeanPrecisionFloor, $"mean precision {meanP:F3} fell below {MeanPrecisionFloor}");
        Assert.True(meanR >= MeanRecallFloor, $"mean recall {meanR:F3} fell below {MeanRecallFloor}");
    }

    /// <summary>The benchmark's measure: multisets of lower-cased word 4-grams (whole text when shorter).</summary>
    internal static (double Precision, double Recall, double F1) ShingleScore(string predicted, string gold)
    {
        var p = Shingles(predicted);
        var g = Shingles(gold);
        if (p.Count == 0 && g.Count == 0)
        {
            return (1, 1, 1);
        }
        var overlap = p.Sum(kv => Math.Min(kv.Value, g.GetValueOrDefault(kv.Key)));
        var precision = p.Count == 0 ? 0 : (double)overlap / p.Values.Sum();
        var recall = g.Count == 0 ? 0 : (double)overlap / g.Values.Sum();
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1);
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        var size = Math.Min(4, tokens.Count);
        for (var i = 0; size > 0 && i + size <= tokens.Count; i++)
        {
            var key = string.Join(' ', tokens.Skip(i).Take(size));
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }
        return shingles;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();
}
