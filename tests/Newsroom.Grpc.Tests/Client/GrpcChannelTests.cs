using Google.Protobuf;
using Newsroom.Grpc.Tests.Wire;
using Newsroom.Testing.V1;
using Xunit;

namespace Newsroom.Grpc.Tests.Client;

/// <summary>Our own client against our own server: every call type, metadata, deadlines, cancellation and failures.</summary>
public sealed class GrpcChannelTests(WireTestServer server) : IClassFixture<WireTestServer>, IDisposable
{
    private static readonly GrpcMethod<EchoRequest, EchoReply> Echo = new(WireTestService.Descriptor, "Echo");
    private static readonly GrpcMethod<CountRequest, CountReply> Count = new(WireTestService.Descriptor, "Count");
    private static readonly GrpcMethod<SumRequest, SumReply> Sum = new(WireTestService.Descriptor, "Sum");
    private static readonly GrpcMethod<EchoRequest, EchoReply> Chat = new(WireTestService.Descriptor, "Chat");

    private readonly GrpcChannel _channel = server.CreateChannel();

    [Fact]
    public async Task Unary_call_returns_the_response_with_headers_and_trailers()
    {
        var headers = new Metadata().Add("x-echo-text", "plain value").Add("x-echo-data-bin", [0, 1, 0xfe, 0xff]);

        using var call = _channel.UnaryCall(Echo, new EchoRequest { Message = "hello" }, new CallOptions(headers));
        var reply = await call;

        Assert.Equal("hello", reply.Message);
        Assert.Equal("AAH+/w==", reply.Headers["x-echo-data-bin"]);
        Assert.Equal("plain value", (await call.ResponseHeadersAsync).GetValue("x-echo-text"));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Equal(new byte[] { 0, 1, 0xfe, 0xff }, call.GetTrailers().GetValueBytes("x-echo-data-bin"));
    }

    [Fact]
    public async Task Server_streaming_call_reads_every_message()
    {
        using var call = _channel.ServerStreamingCall(Count, new CountRequest { Count = 5 });

        var numbers = await call.ResponseStream.Select(r => r.Number).ToListAsync();

        Assert.Equal([1, 2, 3, 4, 5], numbers);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Client_streaming_call_sends_every_message()
    {
        using var call = _channel.ClientStreamingCall(Sum);
        for (var i = 1; i <= 100; i++)
        {
            await call.RequestStream.WriteAsync(new SumRequest { Value = i });
        }

        await call.RequestStream.CompleteAsync();
        var reply = await call;

        Assert.Equal(5050, reply.Total);
        Assert.Equal(100, reply.Count);
    }

    [Fact]
    public async Task Duplex_call_interleaves_requests_and_responses()
    {
        using var call = _channel.DuplexStreamingCall(Chat);
        await using var responses = call.ResponseStream.GetAsyncEnumerator();
        for (var i = 0; i < 5; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Message = $"m{i}" });
            Assert.True(await responses.MoveNextAsync());
            Assert.Equal($"m{i}", responses.Current.Message);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await responses.MoveNextAsync());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task A_failed_call_throws_its_status_and_trailers()
    {
        var request = new EchoRequest { Message = "x", FailCode = (int)StatusCode.NotFound, FailMessage = "no story 42 — ünïcode" };

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _channel.UnaryCall(Echo, request));

        Assert.Equal(new Status(StatusCode.NotFound, "no story 42 — ünïcode"), error.Status);
    }

    [Fact]
    public async Task A_deadline_fails_the_call_with_deadline_exceeded_and_cancels_the_handler()
    {
        var before = server.Observations.Cancellations("Echo");

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _channel.UnaryCall(Echo, new EchoRequest { Message = "slow", DelayMs = 5000 }, new CallOptions(Deadline: DateTime.UtcNow.AddMilliseconds(300))));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(await server.Observations.WaitForCancellationAsync("Echo", before, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_deadline_already_past_fails_without_sending()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _channel.UnaryCall(Echo, new EchoRequest { Message = "late" }, new CallOptions(Deadline: DateTime.UtcNow.AddSeconds(-1))));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task Cancelling_a_stream_reaches_the_handler()
    {
        var before = server.Observations.Cancellations("Count");
        using var cancel = new CancellationTokenSource();
        using var call = _channel.ServerStreamingCall(Count, new CountRequest { Count = 0, DelayMs = 20 }, new CallOptions(CancellationToken: cancel.Token));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var reply in call.ResponseStream)
            {
                if (reply.Number == 3)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.True(await server.Observations.WaitForCancellationAsync("Count", before, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Gzip_requests_and_responses_round_trip()
    {
        using var channel = server.CreateChannel(new GrpcChannelOptions { RequestCompression = "gzip" });
        var payload = ByteString.CopyFromUtf8(string.Concat(Enumerable.Repeat("newsroom ", 100_000)));

        var reply = await channel.UnaryCall(Echo, new EchoRequest { Message = "zip", Payload = payload });

        Assert.Equal("gzip", reply.RequestEncoding);
        Assert.Equal(payload, reply.Payload);
    }

    [Fact]
    public async Task A_response_above_the_client_limit_is_resource_exhausted()
    {
        using var channel = server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 1000 });

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await channel.UnaryCall(Echo, new EchoRequest { Message = "x", Payload = ByteString.CopyFrom(new byte[2000]) }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_server_is_unavailable_and_says_where()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");

        var error = await Assert.ThrowsAsync<RpcException>(async () => await channel.UnaryCall(Echo, new EchoRequest { Message = "x" }));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains($"127.0.0.1:{port}", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_method_is_checked_against_its_descriptor()
    {
        Assert.Throws<ArgumentException>(() => new GrpcMethod<EchoRequest, CountReply>(WireTestService.Descriptor, "Echo"));
        Assert.Throws<ArgumentException>(() => new GrpcMethod<EchoRequest, EchoReply>(WireTestService.Descriptor, "Nope"));
        Assert.Throws<ArgumentException>(() => _channel.UnaryCall(Chat, new EchoRequest()));
    }

    public void Dispose() => _channel.Dispose();
}
