using Newsroom.Grpc.Tests.Infrastructure;
using Newsroom.Grpc.Tests.Wire;
using Newsroom.Testing.V1;
using Xunit;

namespace Newsroom.Grpc.Tests.Server;

/// <summary>A server with a 1 KiB receive limit that compresses every response a client accepts compressed.</summary>
public sealed class ConfiguredServer() : WireTestServer(options =>
{
    options.MaxReceiveMessageSize = 1024;
    options.ResponseCompressionAlgorithm = "gzip";
});

public sealed class ConfiguredServerTests(ConfiguredServer server) : IClassFixture<ConfiguredServer>
{
    private const string Echo = "/newsroom.testing.v1.WireTestService/Echo";

    [Fact]
    public async Task The_receive_limit_is_the_configured_one()
    {
        var request = new EchoRequest { Message = "x", Payload = Google.Protobuf.ByteString.CopyFrom(new byte[2048]) };

        var response = await RawHttp2.PostAsync(server.Address, Echo, RawHttp2.Frame(request));

        Assert.Equal("8", response.Status);
        Assert.Contains("limit of 1024 bytes", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_are_compressed_for_clients_that_accept_gzip()
    {
        var response = await RawHttp2.PostAsync(server.Address, Echo, RawHttp2.Frame(new EchoRequest { Message = "x" }), headers: [("grpc-accept-encoding", "identity,gzip")]);

        Assert.Equal("0", response.Status);
        Assert.Equal("gzip", response.Headers["grpc-encoding"]);
        Assert.Equal(1, response.Body[0]);
    }

    [Fact]
    public async Task Responses_stay_plain_for_clients_that_do_not()
    {
        var response = await RawHttp2.PostAsync(server.Address, Echo, RawHttp2.Frame(new EchoRequest { Message = "x" }));

        Assert.Equal("0", response.Status);
        Assert.False(response.Headers.ContainsKey("grpc-encoding"));
        Assert.Equal(0, response.Body[0]);
    }
}
