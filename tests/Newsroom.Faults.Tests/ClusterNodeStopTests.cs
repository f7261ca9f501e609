using Newsroom.Faults.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Faults.Tests;

/// <summary>
/// A RabbitMQ cluster loses the node every service is connected to, mid-stream, for good: the
/// services fail over to the other nodes, the quorum queues elect new leaders there, and nothing
/// is lost or counted twice.
/// </summary>
[Collection(ClusterFaultTests.Name)]
public sealed class ClusterNodeStopTests(RabbitMqCluster cluster, ITestOutputHelper output)
{
    [PipelineFact]
    public async Task Killing_the_node_the_services_use_mid_stream_loses_and_doubles_nothing()
    {
        Assert.True(cluster.Unavailable is null, cluster.Unavailable);
        await using var pipeline = await FaultPipeline.StartAsync(cluster, "node-kill", output);
        await AssertReplicatedOnEveryNodeAsync(pipeline);
        var articles = FaultArticles.Create(150, "node-kill");
        var feeder = new ArticleFeeder(pipeline) { BatchSize = 10, Workers = 2, Pace = TimeSpan.FromMilliseconds(200), CallTimeout = TimeSpan.FromSeconds(5) };

        var feeding = feeder.FeedAsync(articles, TimeSpan.FromMinutes(3));
        await feeder.WaitForAnswersAsync(articles.Count / 4, feeding);
        var answeredBefore = feeder.Answered;
        pipeline.Log($"killing node {cluster.Nodes[0].AmqpNode}, which every service is connected to, after {answeredBefore} articles were answered");
        await cluster.Nodes[0].KillAsync();
        try
        {
            await feeding;
            pipeline.Log($"the stream ended with {feeder.FailedCalls} failed calls; the node stays down");
            foreach (var line in pipeline.Ingest.LinesMentioning("restarting the bus"))
            {
                pipeline.Log($"ingest: {line}");
            }

            Assert.True(answeredBefore < articles.Count, "Every article was answered before the node was killed: the kill did not land mid-stream; feed more articles or slow the pace.");
            await LogQueuesAsync(pipeline, "queues after the stream");
            await pipeline.AssertEveryArticleIndexedOnceAsync(feeder.TakenIds);
        }
        catch
        {
            // After a kill the broker could leave ingest's channel unconfirmed for good (RabbitMQ 3.10), until
            // ingest learnt to restart its bus; show whether a queue was left without a leader.
            await LogQueuesAsync(pipeline, "queues when the test failed");
            output.WriteLine(await cluster.DescribeNodesAsync(40));
            throw;
        }
    }

    private async Task LogQueuesAsync(FaultPipeline pipeline, string when)
    {
        try
        {
            var replicas = await cluster.QueueReplicasAsync(pipeline.VirtualHost);
            var counts = await cluster.QueuesAsync(pipeline.VirtualHost);
            pipeline.Log($"{when}: {string.Join("; ", replicas)}; messages: {string.Join("; ", counts)}");
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            pipeline.Log($"{when}: the management API did not say ({e.Message})");
        }
    }

    /// <summary>Each queue the services consume from is a quorum queue on all three nodes; else killing one would prove nothing.</summary>
    private async Task AssertReplicatedOnEveryNodeAsync(FaultPipeline pipeline)
    {
        var queues = await cluster.QueueReplicasAsync(pipeline.VirtualHost);
        var consumed = queues.Where(q => q.Name is "extraction" or "dedup" or "query").ToList();
        Assert.True(consumed.Count == 3, $"Expected the extraction, dedup and query queues in {pipeline.VirtualHost}; found [{string.Join("; ", queues)}].");
        var unreplicated = consumed.Where(q => q.Type != QueueReplicas.Quorum || q.Members.Count != cluster.Nodes.Count).ToList();
        Assert.True(unreplicated.Count == 0,
            $"Not quorum queues with a replica on each of the {cluster.Nodes.Count} nodes: [{string.Join("; ", unreplicated)}]. Bus:QuorumQueues and the declared topology must agree, and the cluster must be whole before the queues are declared.");
        pipeline.Log($"queues: {string.Join("; ", queues)}");
    }
}
