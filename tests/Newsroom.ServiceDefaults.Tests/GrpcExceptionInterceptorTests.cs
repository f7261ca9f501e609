using Grpc.Core;
using Microsoft.Extensions.Logging;
using Newsroom.Contracts.V1;
using Xunit;

namespace Newsroom.ServiceDefaults.Tests;

public sealed class GrpcExceptionInterceptorTests : IAsyncLifetime
{
    private readonly ServiceDefaultsHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    private QueryService.QueryServiceClient Client => new(_host.Channel);

    private static DateTime Deadline => DateTime.UtcNow + ServiceDefaultsHost.CallTimeout;

    /// <summary>What an operator running at the default level would read with a stack trace, or as a warning or error.</summary>
    private List<RecordedLogEntry> Alarming() =>
        _host.Log.Entries.Where(e => e.Level >= LogLevel.Warning || (e.Level >= LogLevel.Information && e.Exception is not null)).ToList();

    private async Task WaitForLogAsync(string text)
    {
        var until = DateTime.UtcNow + ServiceDefaultsHost.CallTimeout;
        while (!_host.Log.Entries.Any(e => e.Message.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < until, $"The server never logged \"{text}\":\n{string.Join('\n', _host.Log.Entries)}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task An_invalid_request_is_INVALID_ARGUMENT_with_its_reason_and_no_alarm()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetStoryAsync(new GetStoryRequest { StoryId = "x" }, deadline: Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("story_id 'x' is not an id; pass one from SearchStories.", error.Status.Detail);
        Assert.Empty(Alarming());
    }

    [Fact]
    public async Task An_unexpected_exception_is_UNKNOWN_without_internals_and_logged_once_with_the_method()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetEntityAsync(new GetEntityRequest { Entity = "x" }, deadline: Deadline).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Contains("/newsroom.v1.QueryService/GetEntity failed on the server", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Status.Detail, StringComparison.Ordinal);
        var logged = Assert.Single(Alarming());
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains("/newsroom.v1.QueryService/GetEntity", logged.Message, StringComparison.Ordinal);
        Assert.Equal(ScriptedQueryService.Internals, Assert.IsType<InvalidOperationException>(logged.Exception).Message);
    }

    [Fact]
    public async Task A_status_the_method_throws_passes_unchanged()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetArticleStatusAsync(new GetArticleStatusRequest { ArticleId = "a1" }, deadline: Deadline).ResponseAsync);

        Assert.Equal((StatusCode.NotFound, "Article 'a1' is unknown."), (error.StatusCode, error.Status.Detail));
        Assert.Empty(Alarming());
    }

    [Fact]
    public async Task A_client_that_cancels_a_stream_gets_CANCELLED_and_the_server_logs_no_error_or_stack_trace()
    {
        using var cancellation = new CancellationTokenSource();
        using var call = Client.WatchStories(new WatchStoriesRequest(), deadline: Deadline, cancellationToken: cancellation.Token);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        await cancellation.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await WaitForLogAsync("the client cancelled it");
        Assert.Empty(Alarming());
    }

    [Fact]
    public async Task A_deadline_that_passes_is_DEADLINE_EXCEEDED_and_the_server_logs_no_error_or_stack_trace()
    {
        using var call = Client.WatchStories(new WatchStoriesRequest(), deadline: DateTime.UtcNow.AddSeconds(3));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        await WaitForLogAsync("its deadline passed");
        Assert.Empty(Alarming());
    }

    [Fact]
    public async Task A_stream_reset_that_surfaces_before_the_token_is_cancelled_is_CANCELLED_and_logs_no_error_or_stack_trace()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.SearchStoriesAsync(new SearchStoriesRequest { Query = "x" }, deadline: Deadline).ResponseAsync);

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await WaitForLogAsync("the client cancelled it");
        Assert.Empty(Alarming());
    }
}
