using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Newsroom.Contracts.V1;
using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Interop.Tests;

/// <summary>
/// The standalone host (services/Standalone: the real ingest, extraction, dedup and query services on the
/// in-memory bus, behind one gRPC port) run from its build output as a process of its own, the way users
/// start it, with a private data folder and ports (a <see cref="ServiceProcess"/>). It starts on first use, so that a class whose peer is
/// skipped starts nothing; it is ready once its health says SERVING and its sample articles are indexed;
/// it is killed, with its whole process tree, on dispose.
/// </summary>
public sealed class StandaloneHost : IAsyncLifetime
{
    private static readonly TimeSpan IndexLimit = TimeSpan.FromSeconds(90);

    private readonly Lock _startLock = new();
    private Task? _started;
    private ServiceProcess? _process;
    private string? _dataFolder;

    /// <summary>Everything the host printed, standard output and error.</summary>
    public ServerLog Log { get; } = new();

    public Uri Address => _process?.Address ?? new("http://127.0.0.1");

    /// <summary>host:port, as the peers take it.</summary>
    public string Target => Address.Authority;

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
            await _process.DisposeAsync();
        }

        if (_dataFolder is not null)
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private async Task StartAsync(ITestOutputHelper output)
    {
        _dataFolder = Directory.CreateTempSubdirectory("newsroom-interop-").FullName;
        var samples = Path.Combine(ServiceProcess.OutputFolder("Standalone"), "SampleArticles");
        var settings = new Dictionary<string, string>
        {
            // The JSON port gets a free port too: its default would clash between two hosts.
            ["Http:Url"] = $"http://127.0.0.1:{ServiceProcess.FreePortToken}",
            ["Ingest:Sources:0:Path"] = samples,
        };

        output.WriteLine($"Starting the standalone host with its data in {_dataFolder}");
        var started = Stopwatch.StartNew();
        _process = await ServiceProcess.StartAsync("Standalone", "standalone host", "in-memory", _dataFolder, settings, Log.Append);
        output.WriteLine($"SERVING on {Address} after {started.Elapsed.TotalSeconds:F1} s");

        using var channel = GrpcChannel.ForAddress(Address);
        var sampleCount = Directory.GetFiles(samples).Count(file => !file.EndsWith(".md", StringComparison.Ordinal));
        await _process.WaitUntilAsync(async () => await IndexedArticlesAsync(channel) >= sampleCount, $"its {sampleCount} sample articles ({samples}) to be indexed", IndexLimit);
        output.WriteLine($"{sampleCount} sample articles indexed after {started.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task<int> IndexedArticlesAsync(GrpcChannel channel)
    {
        var response = await new QueryService.QueryServiceClient(channel).ListStoriesAsync(
            new ListStoriesRequest { PageSize = 100 }, deadline: DateTime.UtcNow.AddSeconds(5));
        return response.Stories.Sum(story => story.ArticleCount);
    }
}
