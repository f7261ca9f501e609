using Grpc.Health.V1;
using Microsoft.Extensions.Configuration;
using Newsroom.Grpc;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// <c>--healthcheck</c>: asks the service's own gRPC health endpoint whether it is SERVING and exits
/// 0 or 1, for container probes (the .NET runtime images have no curl).
/// </summary>
public static class HealthCheckCommand
{
    public const string Argument = "--healthcheck";

    /// <summary>True when <paramref name="args"/> asks for a health check rather than the service.</summary>
    public static bool IsRequested(string[] args) => args.Contains(Argument, StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Where(a => a != Argument).ToArray())
            .Build();
        var options = configuration.GetSection(GrpcEndpointOptions.SectionName).Get<GrpcEndpointOptions>() ?? new GrpcEndpointOptions();
        using var channel = GrpcChannel.ForAddress(options.LocalAddress.ToString());
        var check = new GrpcMethod<HealthCheckRequest, HealthCheckResponse>(HealthService.Descriptor, "Check");
        try
        {
            var response = await channel.UnaryCall(check, new HealthCheckRequest(), new CallOptions(Deadline: DateTime.UtcNow.AddSeconds(5)));
            Console.WriteLine($"{options.LocalAddress}: {response.Status}");
            return response.Status == HealthCheckResponse.Types.ServingStatus.Serving ? 0 : 1;
        }
        catch (Exception e) when (e is RpcException or HttpRequestException)
        {
            Console.Error.WriteLine($"{options.LocalAddress}: unhealthy ({e.Message}). Check the service's log; it may still be starting or its bus may be unreachable.");
            return 1;
        }
    }
}
