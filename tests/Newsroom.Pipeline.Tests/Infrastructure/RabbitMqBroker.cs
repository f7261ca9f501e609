using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Xunit;

namespace Newsroom.Pipeline.Tests.Infrastructure;

/// <summary>
/// A real RabbitMQ for the tests: a private node of the Debian <c>rabbitmq-server</c> on its own
/// name and ports, with folders owned by the <c>rabbitmq</c> user, stopped when the tests end. Or an
/// existing broker (one started with <c>docker run rabbitmq:3-management</c>, say) when
/// <c>NEWSROOM_TEST_RABBITMQ_URI</c> and <c>NEWSROOM_TEST_RABBITMQ_MANAGEMENT</c> are set. Each test
/// gets a virtual host of its own, so tests never see each other's messages.
/// </summary>
public sealed class RabbitMqBroker : IAsyncLifetime
{
    public const string UriVariable = "NEWSROOM_TEST_RABBITMQ_URI";
    public const string ManagementVariable = "NEWSROOM_TEST_RABBITMQ_MANAGEMENT";

    private string? _node;
    private string? _baseFolder;
    private Uri? _managementUri;
    private int _vhostCount;

    /// <summary>Why the broker tests cannot run here; null when they can.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>amqp://user:password@host:port with no virtual host.</summary>
    public Uri? AmqpRoot { get; private set; }

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(UriVariable) is { Length: > 0 } uri)
        {
            AmqpRoot = new Uri(uri);
            _managementUri = Environment.GetEnvironmentVariable(ManagementVariable) is { Length: > 0 } management
                ? new Uri(management)
                : throw new InvalidOperationException($"{UriVariable} is set; also set {ManagementVariable} (for example http://guest:guest@localhost:15672) so that tests can create their virtual hosts.");
            return;
        }

        if (!File.Exists("/usr/sbin/rabbitmq-server") && !File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server"))
        {
            Unavailable = "rabbitmq-server is not installed: run `bash deploy/scripts/install-test-dependencies.sh` (Debian package rabbitmq-server), or point " + UriVariable + " at a running broker.";
            return;
        }

        await StartPrivateNodeAsync();
    }

    /// <summary>A new virtual host with the bus topology of deploy/rabbitmq/definitions.json declared in it.</summary>
    public async Task<Uri> CreateVirtualHostAsync(string purpose)
    {
        var vhost = $"{purpose}-{Interlocked.Increment(ref _vhostCount)}";
        if (_node is not null)
        {
            await RabbitMqCtlAsync("add_vhost", vhost);
            await RabbitMqCtlAsync("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        }
        else
        {
            await ManagementPutAsync($"api/vhosts/{Uri.EscapeDataString(vhost)}", "{}");
            var user = Uri.UnescapeDataString(AmqpRoot!.UserInfo.Split(':')[0]);
            await ManagementPutAsync($"api/permissions/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(user)}", """{"configure":".*","write":".*","read":".*"}""");
        }
        var uri = new Uri(AmqpRoot!, Uri.EscapeDataString(vhost));
        await BrokerTopology.DeclareAsync(uri, Path.Combine(RepositoryPaths.Root, "deploy", "rabbitmq", "definitions.json"));
        return uri;
    }

    public async Task DisposeAsync()
    {
        if (_node is null)
        {
            return;
        }
        // shutdown waits for the node's OS process to end, unlike stop.
        await RabbitMqCtlAsync("shutdown");
        if (_baseFolder is not null)
        {
            Directory.Delete(_baseFolder, recursive: true);
        }
    }

    private async Task StartPrivateNodeAsync()
    {
        var port = FreePort.Next();
        var distPort = FreePort.Next();
        _node = $"newsroom-test-{Environment.ProcessId}-{port}@localhost";
        _baseFolder = Path.Combine(Path.GetTempPath(), $"newsroom-rabbitmq-{Environment.ProcessId}-{port}");
        var mnesia = Path.Combine(_baseFolder, "mnesia");
        var logs = Path.Combine(_baseFolder, "log");
        Directory.CreateDirectory(mnesia);
        Directory.CreateDirectory(logs);
        // Started as root, the server drops to the rabbitmq user and exits silently if it cannot write here.
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["-R", "rabbitmq:rabbitmq", _baseFolder], null);
        }

        var environment = new Dictionary<string, string>
        {
            ["RABBITMQ_NODENAME"] = _node,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = distPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = mnesia,
            ["RABBITMQ_LOG_BASE"] = logs,
        };
        await RunAsync("rabbitmq-server", ["-detached"], environment);

        // The node registers with epmd a moment after -detached returns; await_startup fails until then.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var (exitCode, output) = await RunAsync("rabbitmqctl", ["-n", _node, "await_startup", "--timeout", "60"], null, check: false);
            if (exitCode == 0)
            {
                break;
            }
            if (DateTime.UtcNow > deadline)
            {
                var log = Directory.GetFiles(logs).Select(File.ReadAllText).FirstOrDefault() ?? "(no log)";
                throw new InvalidOperationException($"RabbitMQ node {_node} did not start within 90 s.\n{output}\nNode log:\n{log}");
            }
            await Task.Delay(500);
        }

        // The same file docker-compose loads at boot, imported the same way.
        var definitions = Path.Combine(_baseFolder, "definitions.json");
        File.Copy(Path.Combine(RepositoryPaths.Root, "deploy", "rabbitmq", "definitions.json"), definitions);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["rabbitmq:rabbitmq", definitions], null);
        }
        await RabbitMqCtlAsync("import_definitions", definitions);
        AmqpRoot = new Uri($"amqp://guest:guest@127.0.0.1:{port}/");
    }

    private Task<(int ExitCode, string Output)> RabbitMqCtlAsync(params string[] arguments) =>
        RunAsync("rabbitmqctl", ["-n", _node!, .. arguments], null);

    private async Task ManagementPutAsync(string path, string json)
    {
        using var http = new HttpClient();
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(_managementUri!.UserInfo)));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(new Uri(new Uri(_managementUri.GetLeftPart(UriPartial.Authority) + "/"), path), content);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string[] arguments, IDictionary<string, string>? environment, bool check = true)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(limit.Token);
        var output = await stdout + await stderr;
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
        }
        return (process.ExitCode, output);
    }
}
