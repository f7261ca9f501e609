using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Newsroom.Testing;

/// <summary>
/// One Newsroom service (its own built Program) as a separate OS process on a private gRPC port,
/// ready once its gRPC health says SERVING; killed, with its whole tree, on dispose.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Action<string>? _onLine;

    private ServiceProcess(string name, Process process, Uri address, Action<string>? onLine)
    {
        Name = name;
        _process = process;
        Address = address;
        _onLine = onLine;
    }

    /// <summary>The project under services/, for example "Ingest", plus an instance suffix.</summary>
    public string Name { get; }

    public Uri Address { get; }

    /// <summary>Everything the process printed so far, one line each.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>The build output of services/<paramref name="project"/> in the tests' configuration.</summary>
    public static string OutputFolder(string project) =>
        Path.Combine(RepositoryPaths.Root, "services", project, "bin", BuildConfiguration, "net10.0");

    /// <summary>Stands, in a setting's value, for a free port of its own (see <see cref="StartAsync"/>).</summary>
    public const string FreePortToken = "{free-port}";

    /// <summary>
    /// Starts services/<paramref name="project"/> with the bus, a data folder and a free gRPC port;
    /// <paramref name="settings"/> are further configuration keys (section:key), where <see cref="FreePortToken"/>
    /// becomes another free port, and <paramref name="onLine"/> sees each line the process prints as it comes.
    /// A port taken between its check and the bind (by another test run beside this one) is retried with new ports.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(
        string project, string name, string busUri, string dataFolder, IDictionary<string, string>? settings = null, Action<string>? onLine = null)
    {
        var assembly = Path.Combine(OutputFolder(project), $"Newsroom.{project}.dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} is missing: build the solution in the tests' configuration first (dotnet build Microservices.sln -c {BuildConfiguration}).");
        }

        for (var attempt = 1; ; attempt++)
        {
            var service = Start(assembly, name, busUri, dataFolder, settings, onLine);
            try
            {
                await service.WaitUntilServingAsync();
                return service;
            }
            catch (InvalidOperationException) when (attempt < 3 && service.LinesContaining("address already in use").Count > 0)
            {
                await service.DisposeAsync();
            }
            catch
            {
                await service.DisposeAsync();
                throw;
            }
        }
    }

    private static ServiceProcess Start(
        string assembly, string name, string busUri, string dataFolder, IDictionary<string, string>? settings, Action<string>? onLine)
    {
        var address = new Uri($"http://127.0.0.1:{Port()}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        start.Environment["Bus__Uri"] = busUri;
        start.Environment["Grpc__Url"] = address.ToString();
        start.Environment["Data__Path"] = dataFolder;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value.Replace(FreePortToken, Port(), StringComparison.Ordinal);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {assembly}.");
        var service = new ServiceProcess(name, process, address, onLine);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;

        static string Port() => FreePort.Next().ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The lines printed so far that contain <paramref name="text"/>.</summary>
    public IReadOnlyList<string> LinesContaining(string text) =>
        _output.Where(line => line.Contains(text, StringComparison.Ordinal)).ToList();

    public string Describe() => $"--- {Name} output ---\n{string.Join('\n', _output)}";

    /// <summary>Kills the process (SIGKILL), as a crash would; what it printed stays readable.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
            _onLine?.Invoke(line);
        }
    }

    /// <summary>
    /// Polls <paramref name="condition"/> until it holds; fails at once when the process exits, and
    /// after <paramref name="limit"/>, with everything the process printed.
    /// </summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} while waiting for {what}.\n{Describe()}");
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} was still waiting for {what} after {limit.TotalSeconds} s.\n{Describe()}");
            }
            await Task.Delay(250);
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var channel = GrpcChannel.ForAddress(Address);
        var health = new Health.HealthClient(channel);
        await WaitUntilAsync(async () =>
        {
            try
            {
                var response = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                return response.Status == HealthCheckResponse.Types.ServingStatus.Serving;
            }
            catch (RpcException)
            {
                return false; // not listening yet
            }
        }, "its health to report SERVING", StartLimit);
    }

    /// <summary>Debug or Release: the configuration these tests were built in, and so the services.</summary>
    public static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
}
