using Google.Protobuf.Reflection;
using Newsroom.Testing.V1;

namespace Newsroom.Grpc.Benchmarks;

/// <summary>
/// newsroom.testing.v1.WireTestService with fixed answers, so that the benchmarks time the layer
/// rather than the handlers. Only Echo and Count are measured; the others exist because mapping
/// needs a handler for every method.
/// </summary>
public sealed class BenchmarkWireService : IGrpcService
{
    private static readonly Task<EchoReply> EchoReply = Task.FromResult(BenchmarkMessages.EchoReply);

    public static ServiceDescriptor Descriptor => WireTestReflection.Descriptor.Services[0];

    public Task<EchoReply> Echo(EchoRequest request, ServerCallContext context) => EchoReply;

    public async Task Count(CountRequest request, IServerStreamWriter<CountReply> responses, ServerCallContext context)
    {
        for (var number = 1; number <= request.Count; number++)
        {
            await responses.WriteAsync(new CountReply { Number = number });
        }
    }

    public Task<SumReply> Sum(IAsyncEnumerable<SumRequest> requests, ServerCallContext context) => throw NotBenchmarked;

    public Task Chat(IAsyncEnumerable<EchoRequest> requests, IServerStreamWriter<EchoReply> responses, ServerCallContext context) => throw NotBenchmarked;

    public Task<SetServingStatusReply> SetServingStatus(SetServingStatusRequest request, ServerCallContext context) => throw NotBenchmarked;

    private static RpcException NotBenchmarked => new(StatusCode.Unimplemented, "Not part of the benchmark.");
}
