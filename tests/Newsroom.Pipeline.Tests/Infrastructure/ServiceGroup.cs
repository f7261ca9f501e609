namespace Newsroom.Pipeline.Tests.Infrastructure;

/// <summary>
/// Service processes that share one bus, a temporary data folder and <paramref name="sharedSettings"/>
/// (configuration keys every service gets), all stopped together.
/// </summary>
public sealed class ServiceGroup(string busUri, IReadOnlyDictionary<string, string>? sharedSettings = null) : IAsyncDisposable
{
    private readonly List<ServiceProcess> _services = [];
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), $"newsroom-test-{Guid.NewGuid():N}");

    public IReadOnlyList<ServiceProcess> Services => _services;

    /// <summary>Starts one more instance of services/<paramref name="project"/>, with a data folder of its own.</summary>
    public async Task<ServiceProcess> StartAsync(string project, IDictionary<string, string>? settings = null)
    {
        var name = $"{project.ToLowerInvariant()}-{_services.Count(s => s.Name.StartsWith(project.ToLowerInvariant(), StringComparison.Ordinal)) + 1}";
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
        foreach (var (key, value) in sharedSettings ?? new Dictionary<string, string>())
        {
            all.TryAdd(key, value);
        }
        if (project == "Ingest")
        {
            // Ingest requires an API key by default; these tests call it anonymously over loopback
            // (access control is tested in Newsroom.ServiceDefaults.Tests and the compose test).
            all.TryAdd("Auth:RequireForIngest", "false");
        }
        var service = await ServiceProcess.StartAsync(project, name, busUri, Path.Combine(_dataRoot, name), all);
        _services.Add(service);
        return service;
    }

    /// <summary>Ingest settings for one watched folder source named "inbox" on <paramref name="path"/>.</summary>
    public static Dictionary<string, string> WatchedFolder(string path) => new()
    {
        ["Ingest:Sources:0:Type"] = "folder",
        ["Ingest:Sources:0:Name"] = "inbox",
        ["Ingest:Sources:0:Path"] = path,
        ["Ingest:Sources:0:Watch"] = "true",
    };

    /// <summary>Every service's output, for a failure message.</summary>
    public string Describe() => string.Join('\n', _services.Select(s => s.Describe()));

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services)
        {
            await service.DisposeAsync();
        }
        if (Directory.Exists(_dataRoot))
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
    }
}
