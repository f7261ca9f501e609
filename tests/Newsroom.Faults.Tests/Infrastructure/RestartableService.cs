namespace Newsroom.Faults.Tests.Infrastructure;

/// <summary>
/// One service that a test kills (SIGKILL of its process tree, no graceful stop) and starts again
/// on the same data folder; each run is a <see cref="ServiceProcess"/> on a new port.
/// </summary>
public sealed class RestartableService(string project, string busUri, string dataFolder, IDictionary<string, string> settings) : IAsyncDisposable
{
    private readonly List<ServiceProcess> _runs = [];
    private readonly Lock _lock = new();
    private bool _running;

    public string Project => project;

    /// <summary>The current run, or the last one while the service is down.</summary>
    public ServiceProcess Current
    {
        get
        {
            lock (_lock)
            {
                return _runs.Count > 0 ? _runs[^1] : throw new InvalidOperationException($"{project} was never started.");
            }
        }
    }

    /// <summary>Where the current run listens; calls made while the service is down fail, as a client's would.</summary>
    public Uri Address => Current.Address;

    /// <summary>How many times the service was started.</summary>
    public int Runs
    {
        get
        {
            lock (_lock)
            {
                return _runs.Count;
            }
        }
    }

    public async Task StartAsync()
    {
        var run = await ServiceProcess.StartAsync(project, $"{project.ToLowerInvariant()} run {Runs + 1}", busUri, dataFolder, settings);
        lock (_lock)
        {
            _runs.Add(run);
            _running = true;
        }
    }

    /// <summary>Kills the current run's whole process tree at once (SIGKILL): no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        var run = Current;
        lock (_lock)
        {
            _running = false;
        }
        await run.DisposeAsync();
    }

    public async Task KillAndRestartAsync()
    {
        await KillAsync();
        await StartAsync();
    }

    /// <summary>The last lines each run printed, oldest run first: enough to see a crash without burying the failure.</summary>
    public string Describe()
    {
        lock (_lock)
        {
            return string.Join('\n', _runs.Select(run => $"--- {run.Name}, last lines ---\n{string.Join('\n', run.Output.TakeLast(30))}"));
        }
    }

    /// <summary>Every line any run printed that mentions <paramref name="text"/>.</summary>
    public IReadOnlyList<string> LinesMentioning(string text)
    {
        lock (_lock)
        {
            return _runs.SelectMany(run => run.LinesContaining(text).Select(line => $"[{run.Name}] {line}")).ToList();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Only the last run can still be alive; the killed ones are disposed already.
        if (_running)
        {
            _running = false;
            await Current.DisposeAsync();
        }
    }
}
