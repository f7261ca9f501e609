using System.Net;
using System.Text.Json;
using Xunit;

namespace Newsroom.Query.Tests;

/// <summary>The read methods as JSON over HTTP/1.1, from the google.api.http rules in query.proto.</summary>
public sealed class JsonTranscodingTests(SeededQueryServiceHost host) : IClassFixture<SeededQueryServiceHost>, IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = host.HttpAddress, Timeout = QueryServiceHost.CallTimeout };

    public void Dispose() => _http.Dispose();

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(new Version(1, 1), response.Version);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }

    [Fact]
    public async Task Search_answers_the_protobuf_json_mapping_with_filters_from_the_query_string()
    {
        var (status, body) = await GetAsync("v1/stories:search?query=suspend&filter.entity=kataeb%20hezbollah");

        Assert.Equal(HttpStatusCode.OK, status);
        var hit = Assert.Single(body.GetProperty("hits").EnumerateArray());
        Assert.Equal("story-kh", hit.GetProperty("story").GetProperty("storyId").GetString());
        Assert.Equal("EVENT_ACTION_SUSPEND", hit.GetProperty("story").GetProperty("leadEvent").GetProperty("action").GetString());
    }

    [Fact]
    public async Task A_story_an_entity_its_timeline_and_an_article_status_are_resources()
    {
        var (storyStatus, story) = await GetAsync("v1/stories/story-kh");
        var (entityStatus, entity) = await GetAsync("v1/entities/KH");
        var (timelineStatus, timeline) = await GetAsync("v1/entities/KH/timeline");
        var (articleStatus, article) = await GetAsync("v1/articles/kh-2/status");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (storyStatus, entityStatus, timelineStatus, articleStatus));
        Assert.Equal(["kh-1", "kh-2"], story.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("articleId").GetString()));
        Assert.Equal("kh", entity.GetProperty("entityId").GetString());
        Assert.Equal("story-kh", timeline.GetProperty("events")[0].GetProperty("storyId").GetString());
        Assert.Equal("PIPELINE_STAGE_INDEXED", article.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Errors_carry_the_http_status_of_their_grpc_code_and_the_reason()
    {
        var (missing, notFound) = await GetAsync("v1/stories/no-such-story");
        var (bad, invalid) = await GetAsync("v1/stories:search?query=%20%3F!");

        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal(5, notFound.GetProperty("code").GetInt32());
        Assert.Contains("no-such-story", notFound.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("ListStories", invalid.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
