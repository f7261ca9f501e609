using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;
using Xunit;
using static Newsroom.Query.Tests.StoryEvents;

namespace Newsroom.Query.Tests;

public sealed class QueryConsumerTests : IAsyncLifetime, IDisposable
{
    private readonly QueryStore _store = new(SqliteDatabase.InMemory());
    private readonly StoryUpdateBroadcaster _broadcaster = new();
    private ServiceProvider? _provider;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _provider = new ServiceCollection()
            .AddSingleton(_store)
            .AddSingleton(_broadcaster)
            .AddPipelineMetrics()
            .AddLogging()
            // The harness waits for a message until 1.2 s pass without bus activity by default: too little on a busy CI host.
            .Configure<TestHarnessOptions>(options => options.TestInactivityTimeout = TimeSpan.FromSeconds(3))
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddConsumer<QueryArticleIngestedConsumer, QueryArticleIngestedConsumerDefinition>();
                bus.AddConsumer<QueryArticleExtractedConsumer, QueryArticleExtractedConsumerDefinition>();
                bus.AddConsumer<QueryStoryUpdatedConsumer, QueryStoryUpdatedConsumerDefinition>();
            })
            .BuildServiceProvider(validateScopes: true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Ingested_and_extracted_events_set_the_article_status()
    {
        var extracted = Extracted(Article("a1", "Title", "text"));

        await _harness.Bus.Publish(extracted.Article);
        Assert.True(await _harness.GetConsumerHarness<QueryArticleIngestedConsumer>().Consumed.Any<ArticleIngested>());
        Assert.Equal(PipelineStage.Ingested, _store.GetArticleStatus("a1")!.Stage);

        await _harness.Bus.Publish(extracted);
        Assert.True(await _harness.GetConsumerHarness<QueryArticleExtractedConsumer>().Consumed.Any<ArticleExtracted>());
        Assert.Equal(PipelineStage.Extracted, _store.GetArticleStatus("a1")!.Stage);
    }

    [Fact]
    public async Task A_story_update_is_indexed_published_as_ArticleIndexed_and_sent_to_watchers()
    {
        using var watcher = _broadcaster.Subscribe();

        await _harness.Bus.Publish(Update("s1", 1, Extracted(Article("a1", "Drone attack", "text"))));

        Assert.True(await _harness.Published.Any<ArticleIndexed>(m => m.Context.Message.ArticleId == "a1"));
        var indexed = _harness.Published.Select<ArticleIndexed>().Single().Context.Message;
        Assert.Equal(("s1", 1L), (indexed.StoryId, indexed.StoryVersion));
        Assert.Equal(PipelineStage.Indexed, _store.GetArticleStatus("a1")!.Stage);
        await using var updates = watcher.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await updates.MoveNextAsync());
        Assert.Equal(StoryUpdate.Types.Kind.Created, updates.Current.Kind);
    }

    [Fact]
    public async Task A_story_update_without_an_article_id_faults_without_indexing()
    {
        await _harness.Bus.Publish(Update("s1", 1, Extracted(Article("", "No id", "text"))));

        Assert.True(await _harness.Published.Any<Fault<StoryUpdated>>());
        var fault = _harness.Published.Select<Fault<StoryUpdated>>().Single().Context.Message;
        Assert.Contains(fault.Exceptions, e => e.ExceptionType == typeof(InvalidMessageException).FullName && e.Message.Contains("ArticleId", StringComparison.Ordinal));
        Assert.Null(_store.GetStory("s1"));
    }

    [Fact]
    public void All_three_consumers_share_the_query_endpoint()
    {
        var formatter = KebabCaseEndpointNameFormatter.Instance;

        Assert.Equal(QueryEndpoint.Name, ((IConsumerDefinition)new QueryArticleIngestedConsumerDefinition()).GetEndpointName(formatter));
        Assert.Equal(QueryEndpoint.Name, ((IConsumerDefinition)new QueryArticleExtractedConsumerDefinition()).GetEndpointName(formatter));
        Assert.Equal(QueryEndpoint.Name, ((IConsumerDefinition)new QueryStoryUpdatedConsumerDefinition()).GetEndpointName(formatter));
    }
}
