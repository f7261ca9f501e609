using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using Grpc.Reflection.V1;
using Newsroom.Grpc.Tests.Wire;
using Xunit;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Newsroom.Grpc.Tests.Server;

public sealed class WellKnownServicesTests(WireTestServer server) : IClassFixture<WireTestServer>, IDisposable
{
    private const string WireService = "newsroom.testing.v1.WireTestService";
    private static readonly GrpcMethod<HealthCheckRequest, HealthCheckResponse> Check = new(HealthService.Descriptor, "Check");
    private static readonly GrpcMethod<HealthCheckRequest, HealthCheckResponse> Watch = new(HealthService.Descriptor, "Watch");
    private static readonly GrpcMethod<ServerReflectionRequest, ServerReflectionResponse> Reflect = new(ReflectionService.Descriptor, "ServerReflectionInfo");

    private readonly GrpcChannel _channel = server.CreateChannel();

    [Fact]
    public async Task Health_reports_the_server_and_each_mapped_service()
    {
        Assert.Equal(ServingStatus.Serving, (await _channel.UnaryCall(Check, new HealthCheckRequest())).Status);
        Assert.Equal(ServingStatus.Serving, (await _channel.UnaryCall(Check, new HealthCheckRequest { Service = WireService })).Status);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await _channel.UnaryCall(Check, new HealthCheckRequest { Service = "no.Such" }));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Health_watch_sees_every_change_at_run_time()
    {
        const string service = "newsroom.testing.v1.Watched";
        using var call = _channel.ServerStreamingCall(Watch, new HealthCheckRequest { Service = service });
        await using var statuses = call.ResponseStream.GetAsyncEnumerator();

        Assert.True(await statuses.MoveNextAsync());
        Assert.Equal(ServingStatus.ServiceUnknown, statuses.Current.Status);
        server.Health.SetServing(service, serving: true);
        Assert.True(await statuses.MoveNextAsync());
        Assert.Equal(ServingStatus.Serving, statuses.Current.Status);
        server.Health.SetServing(service, serving: false);
        Assert.True(await statuses.MoveNextAsync());
        Assert.Equal(ServingStatus.NotServing, statuses.Current.Status);
    }

    [Fact]
    public async Task Reflection_lists_services_and_describes_them_with_dependencies()
    {
        using var call = _channel.DuplexStreamingCall(Reflect);
        await using var responses = call.ResponseStream.GetAsyncEnumerator();
        async Task<ServerReflectionResponse> Ask(ServerReflectionRequest request)
        {
            await call.RequestStream.WriteAsync(request);
            Assert.True(await responses.MoveNextAsync());
            Assert.Equal(request, responses.Current.OriginalRequest);
            return responses.Current;
        }

        var services = (await Ask(new ServerReflectionRequest { ListServices = "" })).ListServicesResponse.Service.Select(s => s.Name);
        Assert.Equal(
            [WireService, "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"],
            services);

        var files = (await Ask(new ServerReflectionRequest { FileContainingSymbol = WireService + ".Echo" })).FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes)).ToList();
        Assert.Equal(["newsroom/testing/v1/wire_test.proto", "google/protobuf/timestamp.proto"], files.Select(f => f.Name));
        var echo = files[0].Service.Single().Method.First(m => m.Name == "Echo");
        Assert.Equal(".newsroom.testing.v1.EchoRequest", echo.InputType);

        foreach (var symbol in new[] { "newsroom.testing.v1.EchoReply", "grpc.health.v1.HealthCheckResponse.ServingStatus" })
        {
            Assert.NotNull((await Ask(new ServerReflectionRequest { FileContainingSymbol = symbol })).FileDescriptorResponse);
        }

        var byName = await Ask(new ServerReflectionRequest { FileByFilename = "grpc/health/v1/health.proto" });
        Assert.Equal("grpc/health/v1/health.proto", FileDescriptorProto.Parser.ParseFrom(byName.FileDescriptorResponse.FileDescriptorProto[0]).Name);

        var unknown = await Ask(new ServerReflectionRequest { FileContainingSymbol = "no.such.Symbol" });
        Assert.Equal((int)StatusCode.NotFound, unknown.ErrorResponse.ErrorCode);
        Assert.Contains("no.such.Symbol", unknown.ErrorResponse.ErrorMessage, StringComparison.Ordinal);

        await call.RequestStream.CompleteAsync();
        Assert.False(await responses.MoveNextAsync());
    }

    public void Dispose() => _channel.Dispose();
}
