using Google.Protobuf.Reflection;
using Newsroom.Contracts.V1;
using Xunit;

namespace Newsroom.Contracts.Tests;

/// <summary>The gRPC API offers what analysts and integrators were promised; fields are only ever added.</summary>
public sealed class ApiShapeTests
{
    [Theory]
    [InlineData("IngestService", "SubmitArticle", false, false)]
    [InlineData("IngestService", "SubmitArticles", true, false)]
    [InlineData("QueryService", "GetArticleStatus", false, false)]
    [InlineData("QueryService", "SearchStories", false, false)]
    [InlineData("QueryService", "GetStory", false, false)]
    [InlineData("QueryService", "ListStories", false, false)]
    [InlineData("QueryService", "GetEntity", false, false)]
    [InlineData("QueryService", "GetEntityTimeline", false, false)]
    [InlineData("QueryService", "WatchStories", false, true)]
    public void Each_method_has_its_call_type(string service, string method, bool clientStreaming, bool serverStreaming)
    {
        var descriptor = Service(service).FindMethodByName(method);

        Assert.NotNull(descriptor);
        Assert.Equal((clientStreaming, serverStreaming), (descriptor.IsClientStreaming, descriptor.IsServerStreaming));
    }

    [Theory]
    [InlineData(nameof(SearchStoriesRequest), "page_size", "page_token", "filter")]
    [InlineData(nameof(ListStoriesRequest), "page_size", "page_token", "filter")]
    [InlineData(nameof(GetEntityTimelineRequest), "page_size", "page_token")]
    [InlineData(nameof(StoryFilter), "entity", "action", "source", "published_after", "published_before")]
    [InlineData(nameof(StoryHit), "snippets")]
    [InlineData(nameof(StoryArticle), "join_reason")]
    [InlineData(nameof(Entity), "aliases", "mention_count")]
    [InlineData(nameof(SubmitArticleResult), "outcome", "article_id", "reason")]
    public void Messages_carry_paging_filters_and_explanations(string message, params string[] fields)
    {
        var descriptor = Files.SelectMany(f => f.MessageTypes).Single(m => m.Name == message);

        Assert.All(fields, field => Assert.NotNull(descriptor.FindFieldByName(field)));
    }

    [Fact]
    public void Paged_responses_return_a_next_page_token()
    {
        foreach (var response in new[] { SearchStoriesResponse.Descriptor, ListStoriesResponse.Descriptor, GetEntityTimelineResponse.Descriptor })
        {
            Assert.NotNull(response.FindFieldByName("next_page_token"));
        }
    }

    private static IEnumerable<FileDescriptor> Files => [IngestReflection.Descriptor, QueryReflection.Descriptor, TypesReflection.Descriptor];

    private static ServiceDescriptor Service(string name) => Files.SelectMany(f => f.Services).Single(s => s.Name == name);
}
