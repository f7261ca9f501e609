using Google.Protobuf.Reflection;
using Grpc.Health.V1;

namespace Newsroom.Grpc;

/// <summary>grpc.health.v1.Health (grpc/grpc doc/health-checking.md) over <see cref="HealthStatusRegistry"/>.</summary>
public sealed class HealthService(HealthStatusRegistry registry) : IGrpcService
{
    public static ServiceDescriptor Descriptor => HealthReflection.Descriptor.Services[0];

    public Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
        registry.GetStatus(request.Service) is { } status
            ? Task.FromResult(new HealthCheckResponse { Status = status })
            : throw new RpcException(StatusCode.NotFound, $"Service '{request.Service}' is unknown to this server.");

    public async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responses, ServerCallContext context)
    {
        try
        {
            await foreach (var status in registry.WatchAsync(request.Service, context.CancellationToken).ConfigureAwait(false))
            {
                await responses.WriteAsync(new HealthCheckResponse { Status = status }, context.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // A watch ends only when the client leaves.
        }
    }
}
