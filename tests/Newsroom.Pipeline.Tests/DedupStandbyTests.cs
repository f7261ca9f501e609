using Newsroom.Contracts.V1;
using Newsroom.Pipeline.Tests.Infrastructure;
using Newsroom.Testing.Database;
using Xunit;

namespace Newsroom.Pipeline.Tests;

/// <summary>
/// Dedup with its state in PostgreSQL (Data:PostgreSql), two replicas with data folders of their own as on two
/// hosts: the broker lets one consume at a time, and when it dies the other continues from the shared state.
/// </summary>
[Collection(BrokerTests.Name)]
public sealed class DedupStandbyTests(RabbitMqBroker broker, PostgreSqlServer postgres) : IClassFixture<PostgreSqlServer>
{
    private const string Decided = " -> story ";

    private static readonly TimeSpan IndexLimit = TimeSpan.FromMinutes(4);

    [PipelineFact(needsCorpus: true)]
    public async Task When_the_active_dedup_dies_mid_stream_the_standby_continues_and_the_stories_are_those_of_replay()
    {
        Assert.True(broker.Unavailable is null, broker.Unavailable);
        Assert.True(postgres.Unavailable is null, postgres.Unavailable);
        // ECB+ dev's first topics: real articles, many of them look-alikes of each other.
        var requests = CorpusRequests.EcbPlusDev().Take(200).ToList();
        var shared = new Dictionary<string, string> { ["Data:PostgreSql"] = await postgres.CreateDatabaseAsync("standby") };
        await using var group = new ServiceGroup((await broker.CreateVirtualHostAsync("dedup-standby")).ToString());
        var query = await group.StartAsync("Query");
        var active = await group.StartAsync("Dedup", shared);
        var standby = await group.StartAsync("Dedup", shared);
        await group.StartAsync("Extraction");
        var ingest = await group.StartAsync("Ingest");
        using var client = new PipelineClient(ingest.Address, query.Address);

        var first = await client.SubmitAllAsync(requests.Take(100));
        await active.WaitUntilAsync(() => Task.FromResult(active.LinesContaining(Decided).Count >= 30), "its first 30 decisions", IndexLimit);
        await active.KillAsync();
        var second = await client.SubmitAllAsync(requests.Skip(100));
        var accepted = first.Results.Concat(second.Results).Where(r => r.Outcome == SubmitArticleResult.Types.Outcome.Accepted).ToList();
        await client.WaitUntilIndexedAsync(accepted.Select(r => r.ArticleId).ToList(), IndexLimit, group.Describe);

        // Every article accepted after the kill is the standby's to decide (ingest answers a few of ECB+'s as duplicates).
        var acceptedAfter = second.Results.Count(r => r.Outcome == SubmitArticleResult.Types.Outcome.Accepted);
        Assert.True(
            standby.LinesContaining(Decided).Count >= acceptedAfter,
            $"The standby decided {standby.LinesContaining(Decided).Count} articles, fewer than the {acceptedAfter} accepted after the active one died.\n{standby.Describe()}");
        Assert.True(standby.LinesContaining("were not decided within").Count == 0, $"The standby passed over a gap.\n{standby.Describe()}");
        var stories = await client.StoriesOfAsync(accepted);
        var replayed = await StoryGroups.ReplayAsync(requests.Where(r => stories.ContainsKey(r.ClientRef)));
        Assert.Equal(StoryGroups.Of(replayed), StoryGroups.Of(stories));
    }
}
