using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Newsroom.Cli.Tests.Infrastructure;
using Xunit;

namespace Newsroom.Cli.Tests;

public sealed class EvalExtractionCommandTests : IDisposable
{
    private const string Story =
        "The harbour authority said on Monday that the new quay would open in the autumn, two years later than planned.\n\n"
        + "Shipping lines had asked for the delay to be explained, and the authority said the contractor had run short of steel.";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-cli-eval-");

    [Fact]
    public async Task Scores_each_page_and_overall_and_a_missing_page_scores_zero_without_stopping_the_run()
    {
        var (pages, gold) = WriteBenchmark();

        var result = await CliRunner.RunAsync("eval", "extraction", "--pages", pages, "--gold", gold, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var output = JsonDocument.Parse(result.Out);
        var rows = output.RootElement.GetProperty("pages").EnumerateArray().ToDictionary(row => row.GetProperty("id").GetString()!);
        Assert.Equal(["a_exact", "b_with_footer", "c_missing"], rows.Keys.Order(StringComparer.Ordinal));

        Assert.Equal(1.0, rows["a_exact"].GetProperty("f1").GetDouble());
        Assert.Equal("2024-11-18", rows["a_exact"].GetProperty("published").GetDateTimeOffset().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        // The gold body of b holds only the first paragraph: everything is recalled, half the text is extra.
        Assert.Equal(1.0, rows["b_with_footer"].GetProperty("recall").GetDouble());
        Assert.InRange(rows["b_with_footer"].GetProperty("precision").GetDouble(), 0.4, 0.6);

        Assert.Equal(0.0, rows["c_missing"].GetProperty("f1").GetDouble());
        Assert.Contains("c_missing", rows["c_missing"].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("warning: page c_missing scores 0", result.Error, StringComparison.Ordinal);

        var overall = output.RootElement.GetProperty("overall");
        Assert.Equal(3, overall.GetProperty("pages").GetInt32());
        Assert.Equal(1, overall.GetProperty("errors").GetInt32());
        var macro = (1.0 + rows["b_with_footer"].GetProperty("f1").GetDouble() + 0) / 3;
        Assert.Equal(macro, overall.GetProperty("macro_f1").GetDouble(), 3);
        // The benchmark's precision leaves out the page with nothing extracted; its recall counts it as 0.
        Assert.Equal((1.0 + rows["b_with_footer"].GetProperty("precision").GetDouble()) / 2, overall.GetProperty("precision").GetDouble(), 3);
        Assert.Equal(2.0 / 3, overall.GetProperty("recall").GetDouble(), 3);
    }

    [Fact]
    public async Task Subsets_split_the_sorted_ids_into_even_and_odd_halves_and_the_table_names_each_overall_figure()
    {
        var (pages, gold) = WriteBenchmark();

        var even = await CliRunner.RunAsync("eval", "extraction", "--pages", pages, "--gold", gold, "--subset", "even");
        var odd = await CliRunner.RunAsync("eval", "extraction", "--pages", pages, "--gold", gold, "--subset", "odd");

        Assert.Equal(ExitCodes.Success, even.ExitCode);
        Assert.Contains("a_exact", even.Out, StringComparison.Ordinal);
        Assert.Contains("c_missing", even.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("b_with_footer", even.Out, StringComparison.Ordinal);
        Assert.Contains("b_with_footer", odd.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("a_exact", odd.Out, StringComparison.Ordinal);
        Assert.Contains("benchmark (mean P, mean R, their F1)", even.Out, StringComparison.Ordinal);
        Assert.Contains("macro (mean per-page F1)", even.Out, StringComparison.Ordinal);
        Assert.Contains("micro (all shingles pooled)", even.Out, StringComparison.Ordinal);
        Assert.Contains("pages scored: 2", even.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gold_file_that_is_not_a_ground_truth_says_what_it_should_be_and_exits_1()
    {
        var gold = Path.Combine(_folder.FullName, "gold.json");
        File.WriteAllText(gold, """{"a": {"body": "no articleBody here"}}""");

        var result = await CliRunner.RunAsync("eval", "extraction", "--pages", _folder.FullName, "--gold", gold);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("no \"articleBody\"", result.Error, StringComparison.Ordinal);
        Assert.Contains("hint: pass --gold", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private (string Pages, string Gold) WriteBenchmark()
    {
        var pages = Directory.CreateDirectory(Path.Combine(_folder.FullName, "html")).FullName;
        var paragraphs = string.Concat(Story.Split("\n\n").Select(p => $"<p>{p}</p>"));
        WriteGzip(Path.Combine(pages, "a_exact.html.gz"),
            $"""<html><head><meta property="article:published_time" content="2024-11-18T10:00:00Z"></head><body><article><h1>Quay delayed</h1>{paragraphs}</article></body></html>""");
        File.WriteAllText(Path.Combine(pages, "b_with_footer.html"),
            $"<html><body><article><h1>Quay delayed</h1>{paragraphs}</article></body></html>");
        var gold = Path.Combine(_folder.FullName, "ground-truth.json");
        File.WriteAllText(gold, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["c_missing"] = new { articleBody = Story },
            ["b_with_footer"] = new { articleBody = Story.Split("\n\n")[0] },
            ["a_exact"] = new { articleBody = Story, url = "https://news.example/2024/11/18/quay" },
        }));
        return (pages, gold);
    }

    private static void WriteGzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
    }
}
