using Newsroom.Contracts.V1;
using Grpc.Core;
using Newsroom.Pipeline.Tests.Infrastructure;
using Xunit;

namespace Newsroom.Pipeline.Tests;

/// <summary>Bad input gets a clear per-item answer and re-submissions publish nothing, through gRPC and through the folder source.</summary>
[Collection(BrokerTests.Name)]
public sealed class IngestRejectionTests(RabbitMqBroker broker)
{
    private const string GoodText = "Harbour workers end strike in Portmere\n\nDock workers in Portmere ended a nine-day strike on Tuesday after the Portmere Harbour Authority agreed to a pay rise, union leader Agnes Tolliver said.\n\nShips had queued outside the harbour since the strike began.";

    [PipelineFact]
    public async Task Bad_and_repeated_items_over_grpc_get_their_own_results_and_publish_nothing_new()
    {
        await using var group = new ServiceGroup((await broker.CreateVirtualHostAsync("grpc-rejections")).ToString());
        var query = await group.StartAsync("Query");
        await group.StartAsync("Dedup");
        var extraction = await group.StartAsync("Extraction");
        var ingest = await group.StartAsync("Ingest");
        using var client = new PipelineClient(ingest.Address, query.Address);

        var response = await client.SubmitAllAsync(
        [
            PipelineClient.Article("good", GoodText, url: "https://portmere.example/strike"),
            PipelineClient.Article("empty", "   \n  "),
            PipelineClient.Article("binary", "\0\u0001\u0002\u0003\0\0\u0004binary\0\0\0"),
            PipelineClient.Article("oversized", new string('x', 3 * 1024 * 1024)),
            PipelineClient.Article("same-url", GoodText + "\n\nUpdated.", url: "https://portmere.example/strike"),
            PipelineClient.Article("same-content", GoodText.Replace("\n\n", "\n \n", StringComparison.Ordinal).ToUpperInvariant(), url: "https://mirror.example/strike"),
        ]);

        var results = response.Results.ToDictionary(r => r.ClientRef);
        Assert.Equal(["good", "empty", "binary", "oversized", "same-url", "same-content"], response.Results.Select(r => r.ClientRef));
        Assert.Equal(SubmitArticleResult.Types.Outcome.Accepted, results["good"].Outcome);
        foreach (var rejected in new[] { "empty", "binary", "oversized" })
        {
            Assert.Equal(SubmitArticleResult.Types.Outcome.Rejected, results[rejected].Outcome);
            Assert.False(string.IsNullOrWhiteSpace(results[rejected].Reason), $"{rejected} has no reason");
        }
        foreach (var duplicate in new[] { "same-url", "same-content" })
        {
            Assert.Equal(SubmitArticleResult.Types.Outcome.Duplicate, results[duplicate].Outcome);
            Assert.Equal(results["good"].ArticleId, results[duplicate].ArticleId);
        }
        Assert.Equal((1, 2, 3), (response.AcceptedCount, response.DuplicateCount, response.RejectedCount));

        var unary = await Assert.ThrowsAsync<RpcException>(() => client.SubmitAsync(PipelineClient.Article("empty-unary", "")));
        Assert.Equal(StatusCode.InvalidArgument, unary.StatusCode);
        var again = await client.SubmitAsync(PipelineClient.Article("again", GoodText, url: "https://portmere.example/strike"));
        Assert.Equal(SubmitArticleResult.Types.Outcome.Duplicate, again.Outcome);

        await client.WaitUntilIndexedAsync([results["good"].ArticleId], TimeSpan.FromSeconds(120), group.Describe);
        var stories = await client.AllStoriesAsync();
        Assert.Equal(1, stories.Sum(s => s.ArticleCount));
        Assert.Single(extraction.LinesContaining(results["good"].ArticleId));
    }

    [PipelineFact]
    public async Task The_folder_source_names_each_bad_file_and_reads_each_article_once()
    {
        var inbox = Directory.CreateTempSubdirectory("newsroom-inbox-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(inbox, "strike.txt"), GoodText);
            await File.WriteAllTextAsync(Path.Combine(inbox, "strike-copy.txt"), GoodText);
            await File.WriteAllTextAsync(Path.Combine(inbox, "fair.html"), "<html><head><title>Glenrock fair draws record crowd</title></head><body><article><h1>Glenrock fair draws record crowd</h1><p>The Glenrock county fair drew a record 40,000 visitors on Saturday, organiser Petra Hallam said.</p><p>The fair runs until Sunday.</p></article></body></html>");
            await File.WriteAllBytesAsync(Path.Combine(inbox, "garbage.txt"), [0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 0, 0]);
            await File.WriteAllTextAsync(Path.Combine(inbox, "empty.txt"), "");
            await File.WriteAllTextAsync(Path.Combine(inbox, "broken.json"), "{ \"id\": \"broken\", \"text\": ");

            await using var group = new ServiceGroup((await broker.CreateVirtualHostAsync("folder-rejections")).ToString());
            var query = await group.StartAsync("Query");
            await group.StartAsync("Dedup");
            await group.StartAsync("Extraction");
            var ingest = await group.StartAsync("Ingest", ServiceGroup.WatchedFolder(inbox));
            using var client = new PipelineClient(ingest.Address, query.Address);

            await WaitForArticlesAsync(client, 2, group);
            foreach (var bad in new[] { "garbage.txt", "empty.txt", "broken.json" })
            {
                // An empty file is given a few seconds to be written before it is refused.
                await ingest.WaitUntilAsync(() => Task.FromResult(ingest.LinesContaining(bad).Count > 0), $"ingest to name {bad}", TimeSpan.FromSeconds(30));
            }

            await File.WriteAllTextAsync(Path.Combine(inbox, "later.txt"), "Library reopens in Ivydale\n\nThe Ivydale public library reopened on Monday after a two-year renovation, librarian Tomas Reyel said.");
            File.SetLastWriteTimeUtc(Path.Combine(inbox, "strike.txt"), DateTime.UtcNow);
            await WaitForArticlesAsync(client, 3, group);
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal(3, (await client.AllStoriesAsync()).Sum(s => s.ArticleCount));
        }
        finally
        {
            Directory.Delete(inbox, recursive: true);
        }
    }

    private static async Task WaitForArticlesAsync(PipelineClient client, int count, ServiceGroup group)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while ((await client.AllStoriesAsync()).Sum(s => s.ArticleCount) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"fewer than {count} articles indexed within 120 s.\n{group.Describe()}");
            await Task.Delay(300);
        }
    }
}
