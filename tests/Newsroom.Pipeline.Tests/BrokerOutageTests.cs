using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Newsroom.Contracts.V1;
using Newsroom.Pipeline.Tests.Infrastructure;
using Xunit;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Newsroom.Pipeline.Tests;

/// <summary>
/// Ingest while the broker is unreachable: its health turns NOT_SERVING, SubmitArticle answers
/// UNAVAILABLE instead of hanging, what its folder source stores meanwhile waits in the outbox, and
/// all of it reaches the query side once the broker is back.
/// </summary>
[Collection(BrokerTests.Name)]
public sealed class BrokerOutageTests(RabbitMqBroker broker)
{
    // A frozen broker closes no connection; two-second heartbeats let every service notice within seconds.
    private const string Heartbeat = "heartbeat=2";

    private static readonly TimeSpan NoticeLimit = TimeSpan.FromSeconds(60);

    [PipelineFact]
    public async Task Ingest_is_NOT_SERVING_and_answers_UNAVAILABLE_while_the_broker_is_frozen_and_delivers_what_it_stored_once_it_returns()
    {
        var inbox = Directory.CreateTempSubdirectory("newsroom-outage-inbox-").FullName;
        try
        {
            var vhost = await broker.CreateVirtualHostAsync("broker-outage");
            await using var group = new ServiceGroup(new UriBuilder(vhost) { Query = Heartbeat }.Uri.ToString());
            var query = await group.StartAsync("Query");
            await group.StartAsync("Dedup");
            await group.StartAsync("Extraction");
            var ingest = await group.StartAsync("Ingest", ServiceGroup.WatchedFolder(inbox));
            using var client = new PipelineClient(ingest.Address, query.Address);
            var articles = SyntheticArticles.Create(3, "outage");
            var before = await client.SubmitAsync(articles[0]);
            Assert.Equal(SubmitArticleResult.Types.Outcome.Accepted, before.Outcome);

            await broker.PauseAsync();
            try
            {
                await ingest.WaitUntilAsync(async () => await HealthAsync(ingest) == ServingStatus.NotServing, "NOT_SERVING with the broker frozen", NoticeLimit);
                var refused = await Assert.ThrowsAsync<RpcException>(() => client.SubmitAsync(articles[1]));
                Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
                Assert.Contains("the message broker is unreachable; retry later", refused.Status.Detail, StringComparison.Ordinal);

                await File.WriteAllTextAsync(Path.Combine(inbox, "stored-during-outage.txt"), articles[2].Text);
                await ingest.WaitUntilAsync(() => Task.FromResult(StoredDuringOutage(ingest) is not null), "the folder source to store the file", NoticeLimit);
            }
            finally
            {
                await broker.UnpauseAsync();
            }

            await ingest.WaitUntilAsync(async () => await HealthAsync(ingest) == ServingStatus.Serving, "SERVING once the broker is back", NoticeLimit);
            var after = await client.SubmitAsync(articles[1]);
            Assert.Equal(SubmitArticleResult.Types.Outcome.Accepted, after.Outcome);
            var storedId = StoredDuringOutage(ingest)!;

            await client.WaitUntilIndexedAsync([before.ArticleId, after.ArticleId, storedId], TimeSpan.FromSeconds(120), group.Describe);
            Assert.Equal(3, (await client.AllStoriesAsync()).Sum(s => s.ArticleCount));
        }
        finally
        {
            Directory.Delete(inbox, recursive: true);
        }
    }

    /// <summary>The article id from ingest's line saying the file is stored but its event not yet confirmed.</summary>
    private static string? StoredDuringOutage(ServiceProcess ingest)
    {
        const string Stored = " is stored as ";
        var line = ingest.LinesContaining(Stored).FirstOrDefault(l => l.Contains("stored-during-outage" + Stored, StringComparison.Ordinal));
        return line?[(line.IndexOf(Stored, StringComparison.Ordinal) + Stored.Length)..].Split(',')[0];
    }

    private static async Task<ServingStatus> HealthAsync(ServiceProcess service)
    {
        using var channel = GrpcChannel.ForAddress(service.Address);
        var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
        return response.Status;
    }
}
