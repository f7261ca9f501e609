using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Newsroom.Grpc;

public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps a route for every method of <typeparamref name="TService"/>'s descriptor, reports the
    /// service as SERVING to health checks, and answers UNIMPLEMENTED for unknown gRPC methods.
    /// Throws at start-up when a method has no handler of matching types.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints)
        where TService : class, IGrpcService =>
        endpoints.MapGrpcService(typeof(TService), TService.Descriptor);

    internal static IEndpointConventionBuilder MapGrpcService(this IEndpointRouteBuilder endpoints, Type serviceType, ServiceDescriptor descriptor)
    {
        var provider = endpoints.ServiceProvider;
        var registry = provider.GetGrpcServerService<GrpcServiceRegistry>();
        var bound = GrpcServiceBinder.Bind(
            serviceType,
            descriptor,
            provider.GetRequiredService<IOptions<GrpcServerOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>());
        registry.Add(descriptor);
        provider.GetGrpcServerService<HealthStatusRegistry>().SetServing(descriptor.FullName, serving: true);

        var builders = bound.Select(b => endpoints.MapPost(b.Path, b.Handler).WithDisplayName($"gRPC {b.Path}")).ToList();
        if (!registry.UnimplementedRouteMapped)
        {
            registry.UnimplementedRouteMapped = true;
            builders.Add(MapUnimplemented(endpoints, registry));
        }

        return new GrpcEndpointConventionBuilder(builders);
    }

    private static IEndpointConventionBuilder MapUnimplemented(IEndpointRouteBuilder endpoints, GrpcServiceRegistry registry) =>
        endpoints.Map(UnimplementedPattern, httpContext =>
            {
                var service = (string)httpContext.Request.RouteValues["unimplementedService"]!;
                var detail = registry.Contains(service)
                    ? $"Method {httpContext.Request.Path} is unimplemented."
                    : $"Service {service} is unimplemented.";
                return GrpcStatusHeaders.RejectAsync(httpContext, StatusCodes.Status200OK, new Status(StatusCode.Unimplemented, detail));
            })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Post]))
            .WithDisplayName("gRPC unimplemented");

    // Only gRPC requests fall through to UNIMPLEMENTED; other POSTs keep their 404.
    private static readonly RoutePattern UnimplementedPattern = RoutePatternFactory.Parse(
        "{unimplementedService}/{unimplementedMethod}",
        defaults: null,
        parameterPolicies: new { unimplementedService = new GrpcContentTypeRouteConstraint() });
}
