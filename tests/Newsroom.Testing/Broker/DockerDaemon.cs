using Docker.DotNet;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;

namespace Newsroom.Testing.Broker;

/// <summary>
/// The Docker daemon Testcontainers would use, found by its own endpoint detection (DOCKER_HOST,
/// Docker contexts, the usual sockets), so that a test skips or fails for the same reason a
/// container would not start.
/// </summary>
public static class DockerDaemon
{
    /// <summary>Null when Testcontainers has a daemon it can use; otherwise what the daemons that answered said (none when nothing answered).</summary>
    private static readonly IReadOnlyList<string>? Refusals = FindRefusals();

    /// <summary>No daemon answers at any endpoint Testcontainers tries: Docker is not installed or not running.</summary>
    public static bool Missing => Refusals is { Count: 0 };

    /// <summary>Why a daemon that answers cannot be used, for example an API version it does not support; null otherwise.</summary>
    public static string? Refusal => Refusals is { Count: > 0 }
        ? $"A Docker daemon answers but refuses Testcontainers: {string.Join("; ", Refusals)}. When it says the client version is too new, set DOCKER_API_VERSION to the daemon's API version (`docker version --format '{{{{.Server.APIVersion}}}}'`; 1.41 for Docker 20.10)."
        : null;

    private static List<string>? FindRefusals()
    {
        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is not null)
        {
            return null;
        }
        try
        {
            // Testcontainers keeps what each endpoint answered to itself and reports it only when a container is built.
            _ = new ContainerBuilder("none").Build();
            return null;
        }
        catch (DockerUnavailableException e) when (e.InnerException is AggregateException tried)
        {
            return tried.InnerExceptions
                .Select(endpoint => endpoint.InnerException)
                .OfType<DockerApiException>()
                .Select(answer => (answer.ResponseBody ?? answer.Message).Trim())
                .Distinct()
                .ToList();
        }
    }
}
