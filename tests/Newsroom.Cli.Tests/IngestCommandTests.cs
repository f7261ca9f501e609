using System.Text.Json;
using Newsroom.Cli.Tests.Fakes;
using Newsroom.Cli.Tests.Infrastructure;
using Newsroom.Contracts.V1;
using Xunit;

namespace Newsroom.Cli.Tests;

public sealed class IngestCommandTests(FakeNewsroomServer server) : IClassFixture<FakeNewsroomServer>, IDisposable
{
    private static readonly string[] InputOrder = ["a_convoys", "b_rejected", "airways.html", "gone.html", "missing.txt"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-cli-ingest-");

    [Fact]
    public async Task Ingest_sends_files_of_a_folder_and_urls_and_prints_what_became_of_each()
    {
        var articles = Directory.CreateDirectory(Path.Combine(_folder.FullName, "articles", "nested"));
        File.WriteAllText(Path.Combine(articles.Parent!.FullName, "a_convoys.txt"), SyntheticArticles.ConvoyText);
        File.WriteAllText(Path.Combine(articles.FullName, "b_rejected.txt"), SyntheticArticles.ConvoyText + "\nREJECT\n");
        File.WriteAllText(Path.Combine(articles.FullName, "notes.md"), "not an article");
        var url = $"{server.PagesAddress}/pages/airways.html";

        var result = await Run("ingest", Path.Combine(_folder.FullName, "articles"), url, url, $"{server.PagesAddress}/pages/gone.html", Path.Combine(_folder.FullName, "missing.txt"));

        var sent = server.State.Requests.OfType<SubmitArticleRequest>().TakeLast(4).ToList();
        Assert.Equal(SubmitArticleRequest.BodyOneofCase.Text, sent[0].BodyCase);
        Assert.Contains("Veyra River Front", sent[0].Text, StringComparison.Ordinal);
        Assert.Equal(url, sent[2].Url);
        Assert.Equal(FakeNewsroomServer.PageHtml, sent[2].Html);
        Assert.Equal(ExitCodes.Failure, result.ExitCode);

        // Counts, then each item: accepted, duplicate, rejected by the server, and unreadable inputs.
        Assert.Matches(@"accepted\s+.\s+duplicate\s+.\s+rejected", result.Out);
        Assert.Matches(@"\s2\s+.\s+1\s+.\s+3\s", result.Out);
        Assert.Contains("the article has no text; send its body", result.Out, StringComparison.Ordinal);
        Assert.Contains("same url", result.Out, StringComparison.Ordinal);
        Assert.Contains("fetching the page answered HTTP 404 Not Found", result.Out, StringComparison.Ordinal);
        Assert.Contains("no such file, folder or http(s) URL", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("notes.md", result.Out, StringComparison.Ordinal);

        // Items are listed in input order, unreadable ones in their place.
        var order = InputOrder
            .Select(item => result.Out.IndexOf(item, StringComparison.Ordinal))
            .ToList();
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public async Task Ingest_json_merges_unreadable_inputs_into_the_response_in_input_order()
    {
        var good = Path.Combine(_folder.FullName, "good.txt");
        File.WriteAllText(good, SyntheticArticles.ConvoyText);
        var missing = Path.Combine(_folder.FullName, "missing.txt");

        var result = await Run("ingest", missing, good, "--json");

        var response = SubmitArticlesResponse.Parser.ParseJson(result.Out);
        Assert.Equal(2, response.Results.Count);
        Assert.Equal(missing, response.Results[0].ClientRef);
        Assert.Equal(SubmitArticleResult.Types.Outcome.Rejected, response.Results[0].Outcome);
        Assert.Equal(SubmitArticleResult.Types.Outcome.Accepted, response.Results[1].Outcome);
        Assert.Equal(1, response.AcceptedCount);
        Assert.Equal(1, response.RejectedCount);
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
    }

    [Fact]
    public async Task Ingest_of_only_good_articles_exits_0_and_reports_progress_on_stderr()
    {
        var good = Path.Combine(_folder.FullName, "good.txt");
        File.WriteAllText(good, SyntheticArticles.ConvoyText);

        var result = await Run("ingest", good, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(result.Out).RootElement.ValueKind);
        Assert.Contains("inputs read: 1, articles sent: 1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_sends_many_articles_in_batches_each_on_a_call_with_a_deadline()
    {
        var lines = Enumerable.Range(1, 250).Select(i => JsonSerializer.Serialize(new { id = $"item-{i}", text = $"Article number {i} reports on the harbour." }));
        var file = Path.Combine(_folder.FullName, "many.jsonl");
        File.WriteAllLines(file, lines);
        var callsBefore = server.State.IngestDeadlines.Count;

        var result = await Run("ingest", file, "--json");

        var response = SubmitArticlesResponse.Parser.ParseJson(result.Out);
        Assert.Equal(250, response.AcceptedCount);
        Assert.Equal(Enumerable.Range(1, 250).Select(i => $"item-{i}"), response.Results.Select(r => r.ClientRef));
        var deadlines = server.State.IngestDeadlines.Skip(callsBefore).ToList();
        Assert.Equal(3, deadlines.Count);
        Assert.All(deadlines, deadline => Assert.InRange(deadline, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5)));
    }

    [Fact]
    public async Task Ingest_of_unreadable_inputs_only_needs_no_server()
    {
        var result = await CliRunner.RunAsync("ingest", Path.Combine(_folder.FullName, "missing.txt"), "--server", "http://127.0.0.1:1");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.DoesNotContain("UNAVAILABLE", result.Error, StringComparison.Ordinal);
        Assert.Contains("no such file", result.Out, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync([.. args, "--server", server.Address]);
}
