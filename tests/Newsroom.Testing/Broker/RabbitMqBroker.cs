using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using Testcontainers.RabbitMq;
using Xunit;

namespace Newsroom.Testing.Broker;

/// <summary>
/// A real RabbitMQ for the tests: a Testcontainers container of <c>NEWSROOM_TEST_RABBITMQ_IMAGE</c>
/// (the official rabbitmq:3.13-management unless set), removed when the tests end. Or an existing
/// broker when <c>NEWSROOM_TEST_RABBITMQ_URI</c> and <c>NEWSROOM_TEST_RABBITMQ_MANAGEMENT</c> are set.
/// Each test gets a virtual host of its own, so tests never see each other's messages. The
/// container's host ports are fixed when it is created, so that after a kill and a start the
/// services reconnect to the same address.
/// </summary>
public sealed class RabbitMqBroker : IAsyncLifetime, IPipelineBroker
{
    public const string UriVariable = "NEWSROOM_TEST_RABBITMQ_URI";
    public const string ManagementVariable = "NEWSROOM_TEST_RABBITMQ_MANAGEMENT";
    public const string ImageVariable = "NEWSROOM_TEST_RABBITMQ_IMAGE";
    public const string DefaultImage = "rabbitmq:3.13-management";
    public const string LocalImage = "newsroom-local/rabbitmq:3-management";

    /// <summary>What to do on a machine where no Docker daemon answers.</summary>
    public const string NoDocker = "needs Docker for its RabbitMQ container and no Docker daemon answers: run `bash deploy/scripts/test.sh` (installs and starts Docker and builds the local images), or point " + UriVariable + " and " + ManagementVariable + " at a running broker.";

    private const ushort ManagementPort = 15672;

    // Long enough for a first pull of the official image; a node that never logs its start fails here instead of hanging.
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(5);

    private readonly List<string> _vhosts = [];
    private readonly Func<RabbitMqBuilder, RabbitMqBuilder>? _clusterNode;
    private RabbitMqContainer? _container;
    private Uri? _managementUri;

    public RabbitMqBroker()
    {
    }

    /// <summary>A node of a <see cref="RabbitMqCluster"/>: always a container, which <paramref name="clusterNode"/> joins to the others.</summary>
    internal RabbitMqBroker(Func<RabbitMqBuilder, RabbitMqBuilder> clusterNode)
    {
        _clusterNode = clusterNode;
    }

    /// <summary>Why the broker tests cannot run here; null when they can.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>amqp://user:password@host:port with no virtual host.</summary>
    public Uri? AmqpRoot { get; private set; }

    /// <summary>host:port of the AMQP listener, as <c>Bus:ClusterNodes</c> lists a node.</summary>
    public string AmqpNode => $"{AmqpRoot!.Host}:{AmqpRoot.Port}";

    /// <summary>A single broker needs no bus settings beyond <c>Bus:Uri</c>.</summary>
    public IReadOnlyDictionary<string, string> BusSettings { get; } = new Dictionary<string, string>();

    public static string Image => Environment.GetEnvironmentVariable(ImageVariable) is { Length: > 0 } image ? image : DefaultImage;

    public async Task InitializeAsync()
    {
        if (_clusterNode is null && Environment.GetEnvironmentVariable(UriVariable) is { Length: > 0 } uri)
        {
            AmqpRoot = new Uri(uri);
            _managementUri = Environment.GetEnvironmentVariable(ManagementVariable) is { Length: > 0 } management
                ? new Uri(management)
                : throw new InvalidOperationException($"{UriVariable} is set; also set {ManagementVariable} (for example http://guest:guest@localhost:15672) so that tests can create their virtual hosts.");
            return;
        }
        Unavailable = DockerDaemon.Missing ? NoDocker : DockerDaemon.Refusal;
        if (Unavailable is not null)
        {
            return;
        }
        await StartContainerAsync();
    }

    /// <summary>A new virtual host with the bus topology of deploy/rabbitmq/definitions.json declared in it.</summary>
    public Task<Uri> CreateVirtualHostAsync(string purpose) => CreateVirtualHostAsync(purpose, quorumQueues: false);

    /// <summary>
    /// A new virtual host with the bus topology of deploy/rabbitmq/definitions.json declared in it,
    /// every queue a quorum queue when <paramref name="quorumQueues"/> (as topology.sh declares it for a cluster).
    /// </summary>
    public async Task<Uri> CreateVirtualHostAsync(string purpose, bool quorumQueues)
    {
        if (Unavailable is not null)
        {
            throw new InvalidOperationException(Unavailable);
        }
        string vhost;
        lock (_vhosts)
        {
            vhost = $"{purpose}-{_vhosts.Count + 1}";
            _vhosts.Add(vhost);
        }
        await ManagementAsync(HttpMethod.Put, $"api/vhosts/{Uri.EscapeDataString(vhost)}", "{}");
        var user = Uri.UnescapeDataString(AmqpRoot!.UserInfo.Split(':')[0]);
        await ManagementAsync(HttpMethod.Put, $"api/permissions/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(user)}", """{"configure":".*","write":".*","read":".*"}""");
        var uri = new Uri(AmqpRoot, Uri.EscapeDataString(vhost));
        await BrokerTopology.DeclareAsync(uri, Path.Combine(RepositoryPaths.Root, "deploy", "rabbitmq", "definitions.json"), quorumQueues);
        return uri;
    }

    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            // Stops and removes the container: with Ryuk disabled nothing else would.
            await _container.DisposeAsync();
            return;
        }
        if (_managementUri is not null)
        {
            // Someone else's broker: leave it as it was found.
            foreach (var vhost in _vhosts)
            {
                await ManagementAsync(HttpMethod.Delete, $"api/vhosts/{Uri.EscapeDataString(vhost)}", null);
            }
        }
    }

    /// <summary>Every queue of the virtual host of <paramref name="vhostUri"/> with its message counts (the management API's figures, refreshed every few seconds).</summary>
    public Task<IReadOnlyList<QueueCounts>> QueuesAsync(Uri vhostUri) =>
        ListAsync($"api/queues/{VirtualHostPath(vhostUri)}?columns=name,messages_ready,messages_unacknowledged", queue => new QueueCounts(
            queue.GetProperty("name").GetString()!,
            Count(queue, "messages_ready"),
            Count(queue, "messages_unacknowledged")));

    /// <summary>Each queue of the virtual host of <paramref name="vhostUri"/> with its type and, for a quorum queue, the nodes that hold a replica, its leader and those online.</summary>
    public Task<IReadOnlyList<QueueReplicas>> QueueReplicasAsync(Uri vhostUri) =>
        ListAsync($"api/queues/{VirtualHostPath(vhostUri)}?columns=name,type,members,leader,online", queue => new QueueReplicas(
            queue.GetProperty("name").GetString()!,
            queue.GetProperty("type").GetString()!,
            Names(queue, "members") ?? [],
            queue.TryGetProperty("leader", out var leader) && leader.ValueKind == JsonValueKind.String ? leader.GetString() : null,
            Names(queue, "online")));

    private static List<string>? Names(JsonElement queue, string property) =>
        queue.TryGetProperty(property, out var names) && names.ValueKind == JsonValueKind.Array ? [.. names.EnumerateArray().Select(m => m.GetString()!)] : null;

    /// <summary>The names of the running nodes of this broker's cluster (this node alone when it is not clustered).</summary>
    public async Task<IReadOnlyList<string>> RunningNodesAsync() =>
        (await ListAsync("api/nodes?columns=name,running", node => (Name: node.GetProperty("name").GetString()!, Running: node.GetProperty("running").GetBoolean())))
            .Where(node => node.Running)
            .Select(node => node.Name)
            .ToList();

    /// <summary>Kills the broker's container (SIGKILL, as <c>docker kill</c> does): connections drop with no goodbye.</summary>
    public async Task KillAsync()
    {
        using var docker = DockerClient();
        await docker.Containers.KillContainerAsync(Container.Id, new ContainerKillParameters());
    }

    /// <summary>Starts the killed container again, on the same host ports and with its data, and waits until its management API answers.</summary>
    public async Task StartAgainAsync()
    {
        using (var docker = DockerClient())
        {
            await docker.Containers.StartContainerAsync(Container.Id, new ContainerStartParameters());
        }
        var deadline = DateTime.UtcNow + StartLimit;
        while (true)
        {
            try
            {
                await ManagementAsync(HttpMethod.Get, "api/overview", null);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException && DateTime.UtcNow < deadline)
            {
                // The node is still booting.
            }
            await Task.Delay(500);
        }
    }

    /// <summary>
    /// Freezes the broker's container (<c>docker pause</c>): connections stay open but nothing
    /// answers, as in a network partition; clients notice through missed heartbeats.
    /// </summary>
    public Task PauseAsync() => Container.PauseAsync();

    public Task UnpauseAsync() => Container.UnpauseAsync();

    /// <summary>The container's state and the last <paramref name="lines"/> lines of the node's log, for a failure message.</summary>
    public async Task<string> DescribeAsync(int lines)
    {
        var (stdout, stderr) = await Container.GetLogsAsync();
        var tail = (stdout + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines);
        return $"--- node {AmqpNode} ({Container.State}), last {lines} log lines ---\n{string.Join('\n', tail)}";
    }

    private RabbitMqContainer Container => _container
        ?? throw new InvalidOperationException($"Killing or pausing the broker needs the container this fixture starts; unset {UriVariable} to use one.");

    private static Docker.DotNet.DockerClient DockerClient() =>
        TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.NewGuid()).Build();

    private static string VirtualHostPath(Uri vhostUri) => Uri.EscapeDataString(Uri.UnescapeDataString(vhostUri.AbsolutePath.TrimStart('/')));

    /// <summary>A management API listing, each item read by <paramref name="read"/>.</summary>
    private async Task<IReadOnlyList<T>> ListAsync<T>(string path, Func<JsonElement, T> read)
    {
        using var document = JsonDocument.Parse(await ManagementAsync(HttpMethod.Get, path, null));
        return document.RootElement.EnumerateArray().Select(read).ToList();
    }

    private static long Count(JsonElement queue, string property) =>
        queue.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    private async Task StartContainerAsync()
    {
        var builder = new RabbitMqBuilder(Image)
            .WithPortBinding(FreePort.Next(), RabbitMqBuilder.RabbitMqPort)
            .WithPortBinding(FreePort.Next(), ManagementPort);
        var container = (_clusterNode?.Invoke(builder) ?? builder).Build();
        try
        {
            using var limit = new CancellationTokenSource(StartLimit);
            await container.StartAsync(limit.Token);
        }
        catch (Exception e)
        {
            var failure = await StartFailureAsync(container, e);
            await container.DisposeAsync();
            throw new InvalidOperationException(failure, e);
        }
        _container = container;
        AmqpRoot = new Uri(container.GetConnectionString());
        _managementUri = new UriBuilder(Uri.UriSchemeHttp, container.Hostname, container.GetMappedPublicPort(ManagementPort))
        {
            UserName = RabbitMqBuilder.DefaultUsername,
            Password = RabbitMqBuilder.DefaultPassword,
        }.Uri;
    }

    private static async Task<string> StartFailureAsync(RabbitMqContainer container, Exception e)
    {
        if (container.State == TestcontainersStates.Undefined)
        {
            return $"No RabbitMQ container could be created from the image {Image} ({e.GetType().Name}: {e.Message}). If the image is not on this machine and cannot be pulled, build the local one with `bash deploy/scripts/local-images.sh` and set {ImageVariable}={LocalImage}, or pull {Image} where a registry is reachable.";
        }
        var (stdout, stderr) = await container.GetLogsAsync();
        return $"The RabbitMQ container from {Image} did not become ready ({e.GetType().Name}: {e.Message}). It must keep running with ports {RabbitMqBuilder.RabbitMqPort} and {ManagementPort} and log \"Server startup complete\" to the console (log.console = true) within {StartLimit.TotalMinutes} min. Container log:\n{stdout}{stderr}";
    }

    private async Task<string> ManagementAsync(HttpMethod method, string path, string? json)
    {
        using var http = new HttpClient();
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(_managementUri!.UserInfo)));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        using var request = new HttpRequestMessage(method, new Uri(new Uri(_managementUri.GetLeftPart(UriPartial.Authority) + "/"), path));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"RabbitMQ management API {method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\nCheck that {_managementUri.GetLeftPart(UriPartial.Authority)} is the management API of the broker at {AmqpRoot!.GetLeftPart(UriPartial.Authority)} and that its user may create virtual hosts.");
        }
        return await response.Content.ReadAsStringAsync();
    }
}
