using Google.Protobuf.Reflection;
using Newsroom.Grpc;
using Newsroom.Testing.V1;

namespace Newsroom.Grpc.Tests.Wire;

/// <summary>newsroom.testing.v1.WireTestService: every call type and every status path on request.</summary>
public sealed class WireTestService(HealthStatusRegistry health, WireTestObservations observations) : IGrpcService
{
    public static ServiceDescriptor Descriptor => WireTestReflection.Descriptor.Services[0];

    public async Task<EchoReply> Echo(EchoRequest request, ServerCallContext context)
    {
        if (request.Message.Length == 0)
        {
            throw new RpcException(StatusCode.InvalidArgument, "message is required");
        }

        if (request.FailCode != 0)
        {
            throw new RpcException((StatusCode)request.FailCode, request.FailMessage);
        }

        if (request.Throw)
        {
            throw new InvalidOperationException("secret internals: connection string Password=hunter2");
        }

        await observations.DelayAsync(nameof(Echo), request.DelayMs, request.IgnoreCancellation ? CancellationToken.None : context.CancellationToken);
        var echoed = new Metadata();
        foreach (var entry in context.RequestHeaders.Where(e => e.Key.StartsWith("x-echo-", StringComparison.Ordinal)))
        {
            echoed.Add(entry);
            context.ResponseTrailers.Add(entry);
        }

        if (echoed.Count > 0)
        {
            await context.WriteResponseHeadersAsync(echoed);
        }

        var reply = new EchoReply { Message = request.Message, Payload = request.Payload, RequestEncoding = context.RequestEncoding };
        foreach (var entry in context.RequestHeaders)
        {
            reply.Headers[entry.Key] = entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value;
        }

        return reply;
    }

    public async Task Count(CountRequest request, IServerStreamWriter<CountReply> responses, ServerCallContext context)
    {
        for (var number = 1; request.Count == 0 || number <= request.Count; number++)
        {
            await observations.DelayAsync(nameof(Count), request.DelayMs, context.CancellationToken);
            await responses.WriteAsync(new CountReply { Number = number });
        }
    }

    public async Task<SumReply> Sum(IAsyncEnumerable<SumRequest> requests, ServerCallContext context)
    {
        var reply = new SumReply();
        await foreach (var request in requests)
        {
            reply.Total += request.Value;
            reply.Count++;
        }

        return reply;
    }

    public async Task Chat(IAsyncEnumerable<EchoRequest> requests, IServerStreamWriter<EchoReply> responses, ServerCallContext context)
    {
        await foreach (var request in requests)
        {
            await responses.WriteAsync(new EchoReply { Message = request.Message, Payload = request.Payload, RequestEncoding = context.RequestEncoding });
        }
    }

    public Task<SetServingStatusReply> SetServingStatus(SetServingStatusRequest request, ServerCallContext context)
    {
        health.SetServing(request.Service, request.Serving);
        return Task.FromResult(new SetServingStatusReply());
    }
}
