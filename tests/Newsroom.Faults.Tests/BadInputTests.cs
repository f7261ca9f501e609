using Grpc.Core;
using Newsroom.Contracts.V1;
using Newsroom.Faults.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Faults.Tests;

/// <summary>
/// Hostile input at ingest, mixed into a stream of good articles: each bad item gets a clear
/// answer, ingest stays the same running process, and every good article is indexed once.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class BadInputTests(FaultBrokers brokers, ITestOutputHelper output)
{
    // Far above any per-item time budget; an item still unanswered then has stalled ingest.
    private static readonly TimeSpan BadCallTimeout = TimeSpan.FromSeconds(30);

    [PipelineFact]
    public async Task Bad_items_get_clear_answers_and_never_stop_ingest_or_the_good_stream()
    {
        await using var pipeline = await FaultPipeline.StartAsync(brokers.Shared, "bad-input", output);
        var ingest = pipeline.Ingest;
        var client = pipeline.Client;
        var good = FaultArticles.Create(60, "bad-input");
        var feeder = new ArticleFeeder(pipeline) { BatchSize = 5, Pace = TimeSpan.FromMilliseconds(200) };
        using var stop = new CancellationTokenSource();
        var feeding = feeder.FeedAsync(good, TimeSpan.FromMinutes(2), stop.Token);
        await feeder.WaitForAnswersAsync(good.Count / 5, feeding);

        var answers = new List<(string Item, string Answer, bool Clear)>();
        var taken = new List<string>();
        string? latin1Id = null;
        try
        {
            // A batch whose good items must be accepted around the bad ones.
            var mixed = new[] { Good(1), HostileArticles.HugeTitle(), Good(2), HostileArticles.DeeperNesting(), Good(3) };
            await Answer(answers, "batch", async () =>
            {
                var response = await client.SubmitAllAsync(ingest.Address, mixed, BadCallTimeout * 2);
                foreach (var result in response.Results)
                {
                    var isGood = result.ClientRef.StartsWith("good", StringComparison.Ordinal);
                    var clear = isGood
                        ? result.Outcome == SubmitArticleResult.Types.Outcome.Accepted
                        : result.Outcome == SubmitArticleResult.Types.Outcome.Rejected && result.Reason.Length > 0;
                    answers.Add((result.ClientRef, $"{result.Outcome} \"{Shorten(result.Reason)}\"", clear));
                    if (result.Outcome == SubmitArticleResult.Types.Outcome.Accepted)
                    {
                        taken.Add(result.ArticleId);
                    }
                }
            });
            await Answer(answers, "deep-divs", async () => Unexpected(answers, await client.SubmitAsync(ingest.Address, HostileArticles.DeepDivs(), BadCallTimeout)));
            await Answer(answers, "gzip-bomb", async () => Unexpected(answers, await client.SubmitAsync(ingest.Address, HostileArticles.GzipBomb(), BadCallTimeout, gzip: true)), StatusCode.ResourceExhausted);
            latin1Id = await Latin1PageAsync(pipeline, answers);
            if (latin1Id is not null)
            {
                taken.Add(latin1Id);
            }

            var unclear = answers.Where(a => !a.Clear).ToList();
            var health = await client.HealthAsync(ingest.Address);
            Assert.True(
                unclear.Count == 0,
                $"Bad items must each get INVALID_ARGUMENT (or Rejected in a batch) with a reason, and good ones be accepted; these did not:\n" +
                string.Join('\n', unclear.Select(a => $"  {a.Item}: {a.Answer}")) +
                $"\nEvery answer: {string.Join("; ", answers.Select(a => $"{a.Item}: {a.Answer}"))}\nIngest's health now: {health}. Ingest's last lines:\n" +
                string.Join('\n', ingest.Current.Output.TakeLast(40)));
            await feeding;
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAny(feeding);
        }

        Assert.True(ingest.Runs == 1, "The test restarted ingest; it must keep its first process.");
        await pipeline.AssertEveryArticleIndexedOnceAsync([.. feeder.TakenIds, .. taken]);
        if (latin1Id is not null)
        {
            await AssertLatin1PageDecodedAsync(pipeline, latin1Id);
        }
    }

    private static SubmitArticleRequest Good(int n) => new()
    {
        ClientRef = $"good-{n}",
        Url = $"https://gazette.example/bad-input-batch/{n}",
        Text = FaultArticles.Text(80_000 + n),
    };

    /// <summary>
    /// The page that is not UTF-8: rejected with a reason, or accepted when ingest decodes it by its declared charset.
    /// Returns the article id when accepted.
    /// </summary>
    private static async Task<string?> Latin1PageAsync(FaultPipeline pipeline, List<(string Item, string Answer, bool Clear)> answers)
    {
        string? id = null;
        await Answer(answers, "latin1-page", async () =>
        {
            var result = await pipeline.Client.SubmitRawAsync(pipeline.Ingest.Address, HostileArticles.Latin1PageMessage(), BadCallTimeout);
            id = result.ArticleId;
            answers.Add(("latin1-page", $"{result.Outcome} {result.ArticleId} (its title is checked once indexed)", true));
        });
        return id;
    }

    private static async Task AssertLatin1PageDecodedAsync(FaultPipeline pipeline, string articleId)
    {
        var title = (await pipeline.Client.StatusAsync(pipeline.Query.Address, articleId)).Title;
        Assert.True(
            title.Contains(HostileArticles.Latin1Word, StringComparison.Ordinal),
            $"Ingest accepted a windows-1252 page sent as invalid UTF-8 but stored its title as \"{title}\": reject such input, or decode it by its declared charset ({HostileArticles.Latin1Word}).");
    }

    /// <summary>Runs one send; an RPC error counts as clear when it is INVALID_ARGUMENT (or <paramref name="alsoClear"/>) with a reason.</summary>
    private static async Task Answer(List<(string Item, string Answer, bool Clear)> answers, string item, Func<Task> send, StatusCode alsoClear = StatusCode.InvalidArgument)
    {
        try
        {
            await send();
        }
        catch (RpcException e)
        {
            var clear = e.StatusCode is StatusCode.InvalidArgument || e.StatusCode == alsoClear;
            answers.Add((item, $"{e.StatusCode} \"{Shorten(e.Status.Detail)}\"", clear && e.Status.Detail.Length > 0));
        }
    }

    /// <summary>A unary call for a bad item that did not fail: it was taken as an article.</summary>
    private static void Unexpected(List<(string Item, string Answer, bool Clear)> answers, SubmitArticleResult result) =>
        answers.Add((result.ClientRef, $"{result.Outcome} as {result.ArticleId}", false));

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
