using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Newsroom.Contracts.V1;
using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Interop.Tests;

/// <summary>
/// The standalone host (services/Standalone: the real ingest, extraction, dedup and query services on the
/// in-memory bus, behind one gRPC port) run from its build output as a process of its own, the way users
/// start it, with a private data folder and ports. It starts on first use, so that a class whose peer is
/// skipped starts nothing; it is ready once its health says SERVING and its sample articles are indexed;
/// it is killed, with its whole process tree, on dispose.
/// </summary>
public sealed class StandaloneHost : IAsyncLifetime
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    private readonly Lock _startLock = new();
    private Task? _started;
    private Process? _process;
    private string? _dataFolder;

    /// <summary>Everything the host printed, standard output and error.</summary>
    public ServerLog Log { get; } = new();

    public Uri Address { get; private set; } = new("http://127.0.0.1");

    /// <summary>host:port, as the peers take it.</summary>
    public string Target => Address.Authority;

    /// <summary>Debug or Release: the configuration these tests were built in, and so the host.</summary>
    public static string BuildConfiguration { get; } =
        typeof(StandaloneHost).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static string OutputFolder => Path.Combine(RepositoryPaths.Root, "services", "Standalone", "bin", BuildConfiguration, "net10.0");

    /// <summary>
    /// Starts the host the first time it is called, telling <paramref name="output"/> how it goes; later calls
    /// wait for, or repeat the failure of, that start.
    /// </summary>
    public Task EnsureStartedAsync(ITestOutputHelper output)
    {
        lock (_startLock)
        {
            return _started ??= StartAsync(output);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        if (_dataFolder is not null)
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private async Task StartAsync(ITestOutputHelper output)
    {
        var assembly = Path.Combine(OutputFolder, "Newsroom.Standalone.dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException(
                $"{assembly} is missing: build the host in the tests' configuration first (dotnet build services/Standalone -c {BuildConfiguration}).");
        }

        _dataFolder = Directory.CreateTempSubdirectory("newsroom-interop-").FullName;
        Address = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        var samples = Path.Combine(OutputFolder, "SampleArticles");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = OutputFolder,
        };
        start.ArgumentList.Add(assembly);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Grpc__Url"] = Address.GetLeftPart(UriPartial.Authority);
        // The JSON port gets a free port too: its default would clash between two hosts.
        start.Environment["Http__Url"] = $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}";
        start.Environment["Data__Path"] = _dataFolder;
        start.Environment["Ingest__Sources__0__Path"] = samples;

        output.WriteLine($"Starting the standalone host on {Address} with its data in {_dataFolder}");
        var started = Stopwatch.StartNew();
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start dotnet {assembly}.");
        _process.OutputDataReceived += (_, e) => Log.Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Log.Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var channel = GrpcChannel.ForAddress(Address);
        var until = DateTime.UtcNow + StartLimit;
        await WaitUntilAsync(() => IsServingAsync(channel), until, "health to report SERVING");
        output.WriteLine($"SERVING after {started.Elapsed.TotalSeconds:F1} s");
        var sampleCount = Directory.GetFiles(samples).Count(file => !file.EndsWith(".md", StringComparison.Ordinal));
        await WaitUntilAsync(async () => await IndexedArticlesAsync(channel) >= sampleCount, until, $"its {sampleCount} sample articles ({samples}) to be indexed");
        output.WriteLine($"{sampleCount} sample articles indexed after {started.Elapsed.TotalSeconds:F1} s");
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, DateTime until, string what)
    {
        while (!await condition())
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The standalone host exited with code {_process.ExitCode} while waiting for {what}.\n{LogTail()}");
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The standalone host started {StartLimit.TotalSeconds} s ago is still waiting for {what}; its log says why.\n{LogTail()}");
            }

            await Task.Delay(250);
        }
    }

    private string LogTail() => $"--- standalone host log ({Address}), last 60 lines ---\n{Log.Tail(60)}";

    private static async Task<bool> IsServingAsync(GrpcChannel channel)
    {
        try
        {
            var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
            return response.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        }
        catch (RpcException)
        {
            return false; // not listening yet
        }
    }

    private static async Task<int> IndexedArticlesAsync(GrpcChannel channel)
    {
        var response = await new QueryService.QueryServiceClient(channel).ListStoriesAsync(
            new ListStoriesRequest { PageSize = 100 }, deadline: DateTime.UtcNow.AddSeconds(5));
        return response.Stories.Sum(story => story.ArticleCount);
    }
}
