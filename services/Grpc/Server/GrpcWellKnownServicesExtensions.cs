using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Newsroom.Grpc;

public static class GrpcWellKnownServicesExtensions
{
    /// <summary>Maps grpc.health.v1.Health; every service turns NOT_SERVING when the application starts to stop.</summary>
    public static IEndpointConventionBuilder MapGrpcHealthService(this IEndpointRouteBuilder endpoints)
    {
        var registry = endpoints.ServiceProvider.GetGrpcServerService<HealthStatusRegistry>();
        endpoints.ServiceProvider.GetService<IHostApplicationLifetime>()?.ApplicationStopping.Register(registry.SetAllNotServing);
        return endpoints.MapGrpcService<HealthService>();
    }

    /// <summary>Maps server reflection on both the v1 and the v1alpha paths.</summary>
    public static IEndpointConventionBuilder MapGrpcReflectionService(this IEndpointRouteBuilder endpoints) =>
        new GrpcEndpointConventionBuilder([endpoints.MapGrpcService<ReflectionService>(), endpoints.MapGrpcService<ReflectionV1AlphaService>()]);
}
