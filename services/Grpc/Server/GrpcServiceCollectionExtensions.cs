using Microsoft.Extensions.DependencyInjection;

namespace Newsroom.Grpc;

public static class GrpcServiceCollectionExtensions
{
    /// <summary>Registers the gRPC server: options, the service registry and health statuses.</summary>
    public static IServiceCollection AddGrpcServer(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        var options = services.AddOptions<GrpcServerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton<GrpcServiceRegistry>();
        services.AddSingleton<HealthStatusRegistry>();
        services.AddRouting();
        return services;
    }

    internal static T GetGrpcServerService<T>(this IServiceProvider provider)
        where T : notnull =>
        provider.GetService<T>() ?? throw new InvalidOperationException("Call services.AddGrpcServer() before mapping gRPC services.");
}
