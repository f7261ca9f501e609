using System.Net;
using Microsoft.Extensions.Logging;
using Newsroom.Grpc.Tests.Infrastructure;
using Newsroom.Grpc.Tests.Wire;
using Newsroom.Testing.V1;
using Xunit;

namespace Newsroom.Grpc.Tests.Server;

/// <summary>Every way a call can end, as the bytes on the wire show it.</summary>
public sealed class StatusPathTests(WireTestServer server) : IClassFixture<WireTestServer>
{
    private const string Echo = "/newsroom.testing.v1.WireTestService/Echo";

    [Fact]
    public async Task A_successful_call_sends_headers_message_and_status_ok_in_trailers()
    {
        var response = await RawHttp2.PostAsync(server.Address, Echo, RawHttp2.Frame(new EchoRequest { Message = "hi" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/grpc", response.Headers["content-type"]);
        Assert.Equal("identity,gzip", response.Headers["grpc-accept-encoding"]);
        Assert.Equal("0", response.Trailers["grpc-status"]);
        Assert.False(response.Headers.ContainsKey("grpc-status"));
        Assert.Equal(0, response.Body[0]);
        Assert.Equal("hi", EchoReply.Parser.ParseFrom(response.Body.AsSpan(5)).Message);
    }

    [Theory]
    [InlineData("/newsroom.testing.v1.WireTestService/Nope", "Method /newsroom.testing.v1.WireTestService/Nope is unimplemented.")]
    [InlineData("/newsroom.testing.v1.Missing/Echo", "Service newsroom.testing.v1.Missing is unimplemented.")]
    public async Task Unknown_methods_and_services_are_unimplemented_trailers_only(string path, string message)
    {
        var response = await RawHttp2.PostAsync(server.Address, path, RawHttp2.Frame(new EchoRequest { Message = "x" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal("12", response.Status);
        Assert.Equal(message, response.Message);
    }

    [Fact]
    public async Task A_non_grpc_content_type_gets_http_415()
    {
        var response = await RawHttp2.PostAsync(server.Address, Echo, "{}"u8.ToArray(), contentType: "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("13", response.Status);
        Assert.Contains("application/json", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_posts_to_unknown_paths_keep_their_404()
    {
        var response = await RawHttp2.PostAsync(server.Address, "/api/things", "{}"u8.ToArray(), contentType: "application/json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_grpc_request_over_http_1_1_is_told_to_upgrade()
    {
        var response = await RawHttp2.PostAsync(server.Http1Address, Echo, RawHttp2.Frame(new EchoRequest { Message = "x" }), version: HttpVersion.Version11);

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Contains("HTTP/1.1", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_above_the_receive_limit_is_resource_exhausted()
    {
        var big = new EchoRequest { Message = "big", Payload = Google.Protobuf.ByteString.CopyFrom(new byte[(4 * 1024 * 1024) + 1]) };

        var response = await RawHttp2.PostAsync(server.Address, Echo, RawHttp2.Frame(big));

        Assert.Equal("8", response.Status);
        Assert.Contains("exceeds the limit of 4194304 bytes", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_does_not_parse_is_internal()
    {
        var response = await RawHttp2.PostAsync(server.Address, Echo, [0, 0, 0, 0, 4, 0xff, 0xff, 0xff, 0xff]);

        Assert.Equal("13", response.Status);
        Assert.Equal("Failed to deserialize request message.", response.Message);
    }

    [Fact]
    public async Task A_unary_request_with_two_messages_is_internal()
    {
        var message = RawHttp2.Frame(new EchoRequest { Message = "one" });

        var response = await RawHttp2.PostAsync(server.Address, Echo, [.. message, .. message]);

        Assert.Equal("13", response.Status);
    }

    [Fact]
    public async Task A_handler_exception_is_unknown_without_its_text_and_is_logged_with_the_method()
    {
        var response = await RawHttp2.PostAsync(server.Address, Echo, RawHttp2.Frame(new EchoRequest { Message = "x", Throw = true }));

        Assert.True(response.IsTrailersOnly);
        Assert.Equal("2", response.Status);
        Assert.Equal("Exception was thrown by handler.", response.Message);
        Assert.DoesNotContain(response.Headers.Values, v => v.Contains("secret", StringComparison.Ordinal) || v.Contains("hunter2", StringComparison.Ordinal));
        Assert.Contains(server.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(Echo, StringComparison.Ordinal) && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task A_validation_failure_is_invalid_argument_with_a_percent_encoded_reason()
    {
        var request = new EchoRequest { Message = "x", FailCode = (int)StatusCode.InvalidArgument, FailMessage = "bad input: ü 100%" };

        var response = await RawHttp2.PostAsync(server.Address, Echo, RawHttp2.Frame(request));

        Assert.Equal("3", response.Status);
        Assert.Equal("bad input: %C3%BC 100%25", response.Message);
    }

    [Fact]
    public async Task The_server_ends_the_call_at_its_deadline_even_when_the_handler_ignores_cancellation()
    {
        var request = new EchoRequest { Message = "slow", DelayMs = 3000, IgnoreCancellation = true };
        var started = DateTime.UtcNow;

        var response = await RawHttp2.PostAsync(server.Address, Echo, RawHttp2.Frame(request), headers: [("grpc-timeout", "200m")]);

        Assert.Equal("4", response.Status);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2.5), $"The call took {DateTime.UtcNow - started}; the deadline was 200 ms.");
    }

    [Fact]
    public async Task The_deadline_cancels_the_handler_token()
    {
        var before = server.Observations.Cancellations("Echo");

        var response = await RawHttp2.PostAsync(server.Address, Echo, RawHttp2.Frame(new EchoRequest { Message = "slow", DelayMs = 5000 }), headers: [("grpc-timeout", "100m")]);

        Assert.Equal("4", response.Status);
        Assert.True(await server.Observations.WaitForCancellationAsync("Echo", before, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Gzip_requests_get_gzip_responses_when_the_client_accepts_gzip()
    {
        var request = new EchoRequest { Message = "zip", Payload = Google.Protobuf.ByteString.CopyFromUtf8(new string('z', 5000)) };

        var response = await RawHttp2.PostAsync(
            server.Address, Echo, RawHttp2.Frame(request, compress: true), headers: [("grpc-encoding", "gzip"), ("grpc-accept-encoding", "gzip")]);

        Assert.Equal("0", response.Status);
        Assert.Equal("gzip", response.Headers["grpc-encoding"]);
        Assert.Equal(1, response.Body[0]);
        Assert.True(response.Body.Length < 500, "the compressed reply should be far smaller than its 5000-byte payload");
    }

    [Fact]
    public async Task An_unsupported_encoding_is_unimplemented_and_names_the_supported_ones()
    {
        var response = await RawHttp2.PostAsync(server.Address, Echo, RawHttp2.Frame(new EchoRequest { Message = "x" }), headers: [("grpc-encoding", "snappy")]);

        Assert.Equal("12", response.Status);
        Assert.Equal("identity,gzip", response.Headers["grpc-accept-encoding"]);
        Assert.Contains("snappy", response.Message, StringComparison.Ordinal);
    }
}
