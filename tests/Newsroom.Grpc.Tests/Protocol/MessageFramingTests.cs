using System.Buffers;
using System.IO.Pipelines;
using Google.Protobuf;
using Newsroom.Testing.V1;
using Xunit;

namespace Newsroom.Grpc.Tests.Protocol;

public sealed class MessageFramingTests
{
    private static readonly MessageParser<EchoRequest> Parser = EchoRequest.Parser;

    [Fact]
    public async Task Reads_a_message_that_arrives_one_byte_at_a_time()
    {
        var framed = Frame(new EchoRequest { Message = "split" }, new EchoRequest { Message = "across reads" });
        var pipe = new Pipe();
        var reader = new GrpcMessageReader(pipe.Reader, 1024, "identity", "request");

        var writing = Task.Run(async () =>
        {
            foreach (var b in framed)
            {
                await pipe.Writer.WriteAsync(new[] { b });
            }

            await pipe.Writer.CompleteAsync();
        });

        Assert.Equal("split", (await reader.ReadAsync(Parser, default))!.Message);
        Assert.Equal("across reads", (await reader.ReadAsync(Parser, default))!.Message);
        Assert.Null(await reader.ReadAsync(Parser, default));
        await writing;
    }

    [Fact]
    public async Task Reads_several_messages_delivered_in_one_write()
    {
        var messages = Enumerable.Range(0, 50).Select(i => new EchoRequest { Message = $"m{i}" }).ToArray();
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Frame(messages));
        await pipe.Writer.CompleteAsync();
        var reader = new GrpcMessageReader(pipe.Reader, null, "identity", "request");

        var read = new List<string>();
        while (await reader.ReadAsync(Parser, default) is { } message)
        {
            read.Add(message.Message);
        }

        Assert.Equal(messages.Select(m => m.Message), read);
    }

    [Fact]
    public void A_frame_split_over_buffer_segments_is_read_whole_and_the_rest_stays()
    {
        var framed = Frame(new EchoRequest { Message = "segmented" }, new EchoRequest { Message = "next" });
        var buffer = Segmented(framed, 3);

        Assert.True(GrpcMessageReader.TryReadFrame(ref buffer, 1024, "request", out var payload, out var compressed));

        Assert.False(compressed);
        Assert.Equal("segmented", Parser.ParseFrom(payload).Message);
        Assert.True(GrpcMessageReader.TryReadFrame(ref buffer, 1024, "request", out payload, out _));
        Assert.Equal("next", Parser.ParseFrom(payload).Message);
        Assert.True(buffer.IsEmpty);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(6)]
    public void An_incomplete_frame_is_left_for_the_next_read(int length)
    {
        var framed = Frame(new EchoRequest { Message = "incomplete" });
        var buffer = new ReadOnlySequence<byte>(framed[..length]);

        Assert.False(GrpcMessageReader.TryReadFrame(ref buffer, 1024, "request", out _, out _));
        Assert.Equal(length, buffer.Length);
    }

    [Fact]
    public void A_length_above_the_limit_is_resource_exhausted_before_the_payload_arrives()
    {
        var header = new byte[] { 0, 0, 0, 4, 1 };
        var buffer = new ReadOnlySequence<byte>(header);

        var error = Assert.Throws<RpcException>(() => GrpcMessageReader.TryReadFrame(ref buffer, 1024, "request", out _, out _));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("1025 bytes exceeds the limit of 1024", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compressed_flag_other_than_0_or_1_is_internal()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 2, 0, 0, 0, 0 });

        var error = Assert.Throws<RpcException>(() => GrpcMessageReader.TryReadFrame(ref buffer, null, "request", out _, out _));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task A_stream_that_ends_inside_a_message_is_internal()
    {
        var framed = Frame(new EchoRequest { Message = "cut short" });
        var reader = await ReaderOver(framed[..^2], "identity", 1024);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await reader.ReadAsync(Parser, default));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task Bytes_that_are_not_the_message_are_internal()
    {
        var reader = await ReaderOver([0, 0, 0, 0, 4, 0xff, 0xff, 0xff, 0xff], "identity", 1024);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await reader.ReadAsync(Parser, default));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Equal("Failed to deserialize request message.", error.Status.Detail);
    }

    [Fact]
    public async Task Gzip_messages_round_trip()
    {
        var message = new EchoRequest { Message = "zip", Payload = ByteString.CopyFromUtf8(new string('a', 10_000)) };
        var output = new ArrayBufferWriter<byte>();
        GrpcMessageWriter.Write(output, message, compress: true, null, "request");

        Assert.Equal(1, output.WrittenSpan[0]);
        Assert.True(output.WrittenCount < 1000, "10 kB of one letter should compress well");
        var reader = await ReaderOver(output.WrittenMemory.ToArray(), "gzip", 1024 * 1024);
        Assert.Equal(message, await reader.ReadAsync(Parser, default));
    }

    [Fact]
    public async Task The_limit_applies_to_the_decompressed_size()
    {
        var message = new EchoRequest { Payload = ByteString.CopyFrom(new byte[100_000]) };
        var output = new ArrayBufferWriter<byte>();
        GrpcMessageWriter.Write(output, message, compress: true, null, "request");
        var reader = await ReaderOver(output.WrittenMemory.ToArray(), "gzip", 10_000);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await reader.ReadAsync(Parser, default));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task A_compressed_message_without_an_encoding_is_internal()
    {
        var output = new ArrayBufferWriter<byte>();
        GrpcMessageWriter.Write(output, new EchoRequest { Message = "x" }, compress: true, null, "request");
        var reader = await ReaderOver(output.WrittenMemory.ToArray(), "identity", 1024);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await reader.ReadAsync(Parser, default));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Contains("grpc-encoding", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_above_the_send_limit_is_resource_exhausted()
    {
        var error = Assert.Throws<RpcException>(() =>
            GrpcMessageWriter.Write(new ArrayBufferWriter<byte>(), new EchoRequest { Message = new string('x', 100) }, false, 10, "response"));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    private static byte[] Frame(params IMessage[] messages)
    {
        var output = new ArrayBufferWriter<byte>();
        foreach (var message in messages)
        {
            GrpcMessageWriter.Write(output, message, compress: false, null, "request");
        }

        return output.WrittenSpan.ToArray();
    }

    private static async Task<GrpcMessageReader> ReaderOver(byte[] bytes, string encoding, int limit)
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(bytes);
        await pipe.Writer.CompleteAsync();
        return new GrpcMessageReader(pipe.Reader, limit, encoding, "request");
    }

    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int segmentSize)
    {
        var chunks = bytes.Chunk(segmentSize).ToArray();
        var first = new Segment(chunks[0], 0);
        var last = first;
        foreach (var chunk in chunks.Skip(1))
        {
            last = last.Append(chunk);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
