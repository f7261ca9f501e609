using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Newsroom.Contracts.V1;
using Xunit;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Newsroom.ServiceDefaults.Tests;

/// <summary>API keys over gRPC and JSON: ingest needs one, query only when configured, health never.</summary>
public sealed class AccessTests : IAsyncLifetime
{
    private readonly ServiceDefaultsHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    private static DateTime Deadline => DateTime.UtcNow + ServiceDefaultsHost.CallTimeout;

    private static Metadata Key(string key) => new() { { "x-api-key", key } };

    private static Task<SubmitArticleResult> SubmitAsync(ServiceDefaultsHost host, Metadata? headers = null) =>
        new IngestService.IngestServiceClient(host.Channel)
            .SubmitArticleAsync(new SubmitArticleRequest { ClientRef = "a1", Text = "Text." }, headers, Deadline).ResponseAsync;

    private static Task<ArticleStatus> QueryAsync(ServiceDefaultsHost host, Metadata? headers = null) =>
        new QueryService.QueryServiceClient(host.Channel)
            .GetArticleStatusAsync(new GetArticleStatusRequest { ArticleId = "a1" }, headers, Deadline).ResponseAsync;

    [Fact]
    public async Task Ingest_without_a_key_is_UNAUTHENTICATED_with_a_message_that_says_to_send_x_api_key()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => SubmitAsync(_host));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("x-api-key", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("--api-key", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_with_a_wrong_key_is_UNAUTHENTICATED_and_says_the_key_is_not_accepted()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => SubmitAsync(_host, Key("not-the-key-0123456789")));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("not one this server accepts", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_with_the_right_key_is_served_and_sees_the_client_name()
    {
        var result = await SubmitAsync(_host, Key(ServiceDefaultsHost.ApiKey));

        Assert.Equal((SubmitArticleResult.Types.Outcome.Accepted, ServiceDefaultsHost.ClientName), (result.Outcome, result.Reason));
    }

    [Fact]
    public async Task A_bearer_token_is_accepted_as_the_key()
    {
        var result = await SubmitAsync(_host, new Metadata { { "authorization", $"Bearer {ServiceDefaultsHost.ApiKey}" } });

        Assert.Equal(ServiceDefaultsHost.ClientName, result.Reason);
    }

    [Fact]
    public async Task Query_is_open_to_anonymous_callers_by_default_but_refuses_a_wrong_key()
    {
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => QueryAsync(_host));
        var wrongKey = await Assert.ThrowsAsync<RpcException>(() => QueryAsync(_host, Key("not-the-key-0123456789")));

        // The scripted method answers NOT_FOUND: the call reached it.
        Assert.Equal((StatusCode.NotFound, StatusCode.Unauthenticated), (anonymous.StatusCode, wrongKey.StatusCode));
    }

    [Fact]
    public async Task Query_needs_a_key_when_RequireForQuery_is_set_and_health_stays_anonymous()
    {
        await ServiceDefaultsHost.RunAsync(new Dictionary<string, string?> { ["Auth:RequireForQuery"] = "true" }, async host =>
        {
            var anonymous = await Assert.ThrowsAsync<RpcException>(() => QueryAsync(host));
            var withKey = await Assert.ThrowsAsync<RpcException>(() => QueryAsync(host, Key(ServiceDefaultsHost.ApiKey)));
            var health = await new Health.HealthClient(host.Channel).CheckAsync(new HealthCheckRequest(), deadline: Deadline);

            Assert.Equal((StatusCode.Unauthenticated, StatusCode.NotFound), (anonymous.StatusCode, withKey.StatusCode));
            Assert.Equal(ServingStatus.Serving, health.Status);
        });
    }

    [Fact]
    public async Task Ingest_is_open_to_anonymous_callers_when_RequireForIngest_is_off()
    {
        await ServiceDefaultsHost.RunAsync(new Dictionary<string, string?> { ["Auth:RequireForIngest"] = "false" }, async host =>
        {
            var result = await SubmitAsync(host);

            Assert.Equal(ScriptedIngestService.Anonymous, result.Reason);
        });
    }

    [Fact]
    public async Task A_host_that_requires_keys_for_ingest_but_has_none_does_not_start_and_says_what_to_set()
    {
        await using var app = ServiceDefaultsHost.Build(new Dictionary<string, string?> { ["Auth:ApiKeys:0:Key"] = null, ["Auth:ApiKeys:0:Client"] = null }, new RecordedLog());

        var error = await Assert.ThrowsAsync<InvalidSettingsException>(() => app.StartAsync());

        Assert.Contains("Auth:RequireForIngest is true but no API key is configured", error.Message, StringComparison.Ordinal);
        Assert.Contains("Auth__ApiKeys__0__Key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_key_stops_the_host_from_starting()
    {
        await using var app = ServiceDefaultsHost.Build(new Dictionary<string, string?> { ["Auth:ApiKeys:0:Key"] = "short" }, new RecordedLog());

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.Contains("Auth:ApiKeys:0:Key has 5 characters", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short", "Auth:ApiKeys:0:Key has 5 characters")]
    [InlineData(null, "Auth:RequireForIngest is true but no API key is configured")]
    public async Task A_service_run_with_invalid_settings_exits_with_the_reason_and_no_stack_trace(string? key, string reason)
    {
        var log = new RecordedLog();
        await using var app = ServiceDefaultsHost.Build(new Dictionary<string, string?> { ["Auth:ApiKeys:0:Key"] = key, ["Auth:ApiKeys:0:Client"] = key is null ? null : "desk" }, log);

        Assert.Equal(ServiceRunner.InvalidSettings, await app.RunServiceAsync());

        var refusal = Assert.Single(log.Entries, entry => entry.Level == LogLevel.Critical);
        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(log.Entries, entry => entry.Exception is not null);
    }

    [Fact]
    public async Task JSON_without_a_key_answers_401_with_the_status_and_what_to_send()
    {
        using var http = new HttpClient { BaseAddress = _host.HttpAddress };

        using var response = await http.PostAsJsonAsync("/v1/articles", new { clientRef = "a1", text = "Text." });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal((int)StatusCode.Unauthenticated, body.RootElement.GetProperty("code").GetInt32());
        Assert.Contains("x-api-key", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JSON_with_the_key_is_served()
    {
        using var http = new HttpClient { BaseAddress = _host.HttpAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/articles") { Content = JsonContent.Create(new { clientRef = "a1", text = "Text." }) };
        request.Headers.Add("x-api-key", ServiceDefaultsHost.ApiKey);

        using var response = await http.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ServiceDefaultsHost.ClientName, body.RootElement.GetProperty("reason").GetString());
    }
}
