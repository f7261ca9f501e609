using System.Security.Cryptography;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// <c>--healthcheck</c>: asks the service's own gRPC health endpoint whether it is SERVING and exits
/// 0 or 1, for container probes (the .NET runtime images have no curl).
/// </summary>
public static class HealthCheckCommand
{
    public const string Argument = "--healthcheck";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

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
        using var channel = GrpcChannel.ForAddress(options.LocalAddress, new GrpcChannelOptions { HttpHandler = HandlerFor(options) });
        try
        {
            var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + Deadline);
            Console.WriteLine($"{options.LocalAddress}: {response.Status}");
            return response.Status == HealthCheckResponse.Types.ServingStatus.Serving ? 0 : 1;
        }
        catch (RpcException e)
        {
            Console.Error.WriteLine($"{options.LocalAddress}: unhealthy ({e.StatusCode}: {e.Status.Detail}). Check the service's log; it may still be starting or its bus may be unreachable.");
            return 1;
        }
    }

    /// <summary>
    /// Over TLS the probe reaches the service by a loopback address its certificate does not name,
    /// so it trusts exactly the certificate the service is configured to present, and no other.
    /// </summary>
    private static SocketsHttpHandler HandlerFor(GrpcEndpointOptions options)
    {
        var handler = new SocketsHttpHandler();
        if (options.LocalAddress.Scheme == Uri.UriSchemeHttps && options.Certificate.IsConfigured)
        {
            using var expected = options.Certificate.Load(GrpcEndpointOptions.SectionName);
            var thumbprint = expected.GetCertHash(HashAlgorithmName.SHA256);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && CryptographicOperations.FixedTimeEquals(presented.GetCertHash(HashAlgorithmName.SHA256), thumbprint);
        }
        return handler;
    }
}
