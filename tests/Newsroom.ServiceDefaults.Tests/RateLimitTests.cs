using System.Net;
using System.Text.Json;
using Grpc.Core;
using Newsroom.Contracts.V1;
using Xunit;

namespace Newsroom.ServiceDefaults.Tests;

/// <summary>Per-client limits on the call rate and on open calls and streams, answered RESOURCE_EXHAUSTED.</summary>
public sealed class RateLimitTests
{
    // Far more calls than a rate of one a second allows, however slow the machine.
    private const int Attempts = 50;

    private static DateTime Deadline => DateTime.UtcNow + ServiceDefaultsHost.CallTimeout;

    private static Metadata Key => new() { { "x-api-key", ServiceDefaultsHost.ApiKey } };

    private static readonly Dictionary<string, string?> OneCallPerSecond = new()
    {
        ["RateLimits:RequestsPerSecond"] = "1",
        ["RateLimits:Burst"] = "1",
    };

    /// <summary>Calls until one is refused; the scripted method answers NOT_FOUND to the others.</summary>
    private static async Task<RpcException> FirstRefusalAsync(QueryService.QueryServiceClient client, Metadata? headers)
    {
        for (var i = 0; i < Attempts; i++)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() =>
                client.GetArticleStatusAsync(new GetArticleStatusRequest { ArticleId = "a1" }, headers, Deadline).ResponseAsync);
            if (error.StatusCode != StatusCode.NotFound)
            {
                return error;
            }
        }
        throw new Xunit.Sdk.XunitException($"{Attempts} calls in a row were served at a limit of one a second.");
    }

    [Fact]
    public async Task Calls_above_the_rate_are_RESOURCE_EXHAUSTED_with_the_limit_and_the_client()
    {
        await ServiceDefaultsHost.RunAsync(OneCallPerSecond, async host =>
        {
            var error = await FirstRefusalAsync(new QueryService.QueryServiceClient(host.Channel), Key);

            Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
            Assert.Contains($"rate limit of 1 requests/s (bursts of 1) for client '{ServiceDefaultsHost.ClientName}' exceeded; retry after", error.Status.Detail, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Each_client_has_a_rate_of_its_own()
    {
        await ServiceDefaultsHost.RunAsync(OneCallPerSecond, async host =>
        {
            var client = new QueryService.QueryServiceClient(host.Channel);
            await FirstRefusalAsync(client, Key);

            // The keyed client used up its rate; an anonymous caller (by its address) still has its own.
            var anonymous = await Assert.ThrowsAsync<RpcException>(() =>
                client.GetArticleStatusAsync(new GetArticleStatusRequest { ArticleId = "a1" }, deadline: Deadline).ResponseAsync);

            Assert.Equal(StatusCode.NotFound, anonymous.StatusCode);
        });
    }

    [Fact]
    public async Task JSON_calls_above_the_rate_are_429_with_the_status_in_the_body()
    {
        await ServiceDefaultsHost.RunAsync(OneCallPerSecond, async host =>
        {
            using var http = new HttpClient { BaseAddress = host.HttpAddress };
            HttpResponseMessage? refused = null;
            for (var i = 0; i < Attempts && refused is null; i++)
            {
                var response = await http.GetAsync(new Uri("/v1/articles/a1/status", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    response.Dispose();
                }
                else
                {
                    refused = response;
                }
            }

            Assert.NotNull(refused);
            using (refused)
            {
                using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
                Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
                Assert.NotNull(refused.Headers.RetryAfter);
                Assert.Equal((int)StatusCode.ResourceExhausted, body.RootElement.GetProperty("code").GetInt32());
            }
        });
    }

    [Fact]
    public async Task A_stream_beyond_the_concurrent_limit_is_RESOURCE_EXHAUSTED_until_another_ends()
    {
        await ServiceDefaultsHost.RunAsync(new Dictionary<string, string?> { ["RateLimits:ConcurrentCalls"] = "2" }, async host =>
        {
            var client = new QueryService.QueryServiceClient(host.Channel);
            using var first = client.WatchStories(new WatchStoriesRequest(), deadline: Deadline);
            using var second = client.WatchStories(new WatchStoriesRequest(), deadline: Deadline);
            Assert.True(await first.ResponseStream.MoveNext(CancellationToken.None));
            Assert.True(await second.ResponseStream.MoveNext(CancellationToken.None));

            using var third = client.WatchStories(new WatchStoriesRequest(), deadline: Deadline);
            var error = await Assert.ThrowsAsync<RpcException>(() => third.ResponseStream.MoveNext(CancellationToken.None));

            Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
            Assert.Contains("limit of 2 concurrent calls and streams for anonymous client", error.Status.Detail, StringComparison.Ordinal);

            // Once a watch ends, its place is free again.
            first.Dispose();
            using var fourth = await WatchOnceFreeAsync(client);
            Assert.Equal("first", fourth.ResponseStream.Current.ArticleId);
        });
    }

    /// <summary>A watch started once the server has let go of an ended one (it notices the reset a moment later).</summary>
    private static async Task<AsyncServerStreamingCall<StoryUpdate>> WatchOnceFreeAsync(QueryService.QueryServiceClient client)
    {
        for (var i = 0; ; i++)
        {
            var call = client.WatchStories(new WatchStoriesRequest(), deadline: Deadline);
            try
            {
                Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
                return call;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted && i < Attempts)
            {
                call.Dispose();
                await Task.Delay(100);
            }
        }
    }
}
