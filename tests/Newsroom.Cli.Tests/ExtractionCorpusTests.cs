using System.Text.Json;
using Newsroom.Cli.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Cli.Tests;

/// <summary>
/// CI's floor for main-text extraction: `newsroom eval extraction` over the whole
/// ../shared/corpus/article-extraction folder, in one run, as a user runs it.
/// </summary>
public sealed class ExtractionCorpusTests(ITestOutputHelper output)
{
    // Measured on the 91 pages: benchmark F1 0.961 (P 0.959, R 0.964), macro F1 0.958; the floors sit just under.
    private const double F1Floor = 0.957;
    private const double MacroF1Floor = 0.954;

    [CorpusFact]
    public async Task Main_text_of_the_article_extraction_pages_stays_above_the_floor()
    {
        var folder = CorpusFactAttribute.Require("article-extraction");

        var result = await CliRunner.RunAsync("eval", "extraction", "--pages", Path.Combine(folder, "html"), "--gold", Path.Combine(folder, "ground-truth.json"), "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var overall = document.RootElement.GetProperty("overall");
        output.WriteLine(overall.ToString());
        Assert.Equal(91, overall.GetProperty("pages").GetInt32());
        Assert.Equal(0, overall.GetProperty("errors").GetInt32());
        Assert.True(overall.GetProperty("f1").GetDouble() >= F1Floor, $"F1 {overall.GetProperty("f1").GetDouble():F3} fell below {F1Floor}");
        Assert.True(overall.GetProperty("macro_f1").GetDouble() >= MacroF1Floor, $"macro F1 {overall.GetProperty("macro_f1").GetDouble():F3} fell below {MacroF1Floor}");
    }
}
