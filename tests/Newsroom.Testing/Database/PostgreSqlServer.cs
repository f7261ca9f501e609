using DotNet.Testcontainers.Containers;
using Newsroom.Testing.Broker;
using Npgsql;
using Testcontainers.PostgreSql;
using Xunit;

namespace Newsroom.Testing.Database;

/// <summary>
/// A real PostgreSQL for the tests: a Testcontainers container of <c>NEWSROOM_TEST_POSTGRES_IMAGE</c> (the
/// official postgres:15 unless set), removed when the tests end, or an existing server when
/// <c>NEWSROOM_TEST_POSTGRES</c> holds a connection string whose user may create databases. Each test gets a
/// database of its own, dropped at the end.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    public const string ConnectionVariable = "NEWSROOM_TEST_POSTGRES";
    public const string ImageVariable = "NEWSROOM_TEST_POSTGRES_IMAGE";
    public const string DefaultImage = "postgres:15";
    public const string LocalImage = "newsroom-local/postgres:15";

    /// <summary>What to do on a machine where no Docker daemon answers.</summary>
    public const string NoDocker = "needs Docker for its PostgreSQL container and no Docker daemon answers: run `bash deploy/scripts/test.sh` (installs and starts Docker and builds the local images), or set " + ConnectionVariable + " to a connection string of a running server.";

    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(3);

    private readonly List<string> _databases = [];
    private PostgreSqlContainer? _container;
    private string? _root;

    public static string Image => Environment.GetEnvironmentVariable(ImageVariable) is { Length: > 0 } image ? image : DefaultImage;

    /// <summary>Why the PostgreSQL tests cannot run here; null when they can.</summary>
    public string? Unavailable { get; private set; }

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } existing)
        {
            _root = existing;
            return;
        }
        Unavailable = DockerDaemon.Missing ? NoDocker : DockerDaemon.Refusal;
        if (Unavailable is not null)
        {
            return;
        }
        var container = new PostgreSqlBuilder(Image).Build();
        try
        {
            using var limit = new CancellationTokenSource(StartLimit);
            await container.StartAsync(limit.Token);
        }
        catch (Exception e)
        {
            var failure = container.State == TestcontainersStates.Undefined
                ? $"No PostgreSQL container could be created from the image {Image} ({e.GetType().Name}: {e.Message}). If the image is not on this machine and cannot be pulled, build the local one with `bash deploy/scripts/local-images.sh` and set {ImageVariable}={LocalImage}."
                : $"The PostgreSQL container from {Image} did not become ready within {StartLimit.TotalMinutes} min ({e.GetType().Name}: {e.Message}); pg_isready must answer inside it. Container log:\n{string.Concat(await container.GetLogsAsync())}";
            await container.DisposeAsync();
            throw new InvalidOperationException(failure, e);
        }
        _container = container;
        _root = container.GetConnectionString();
    }

    /// <summary>The connection string of a new, empty database.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        if (Unavailable is not null || _root is null)
        {
            throw new InvalidOperationException(Unavailable ?? "The PostgreSQL fixture has not started.");
        }
        string name;
        lock (_databases)
        {
            name = $"newsroom_{purpose.Replace('-', '_')}_{_databases.Count + 1}_{Guid.NewGuid():N}"[..Math.Min(63, 30 + purpose.Length)];
            _databases.Add(name);
        }
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(_root) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Closes every connection to the database, as a server restart or a network failure would.</summary>
    public Task DropConnectionsAsync(string connectionString) =>
        ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{new NpgsqlConnectionStringBuilder(connectionString).Database}' AND pid <> pg_backend_pid()");

    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            // Stops and removes the container: with Ryuk disabled nothing else would.
            await _container.DisposeAsync();
            return;
        }
        if (_root is not null)
        {
            // Someone else's server: leave it as it was found.
            NpgsqlConnection.ClearAllPools();
            foreach (var name in _databases)
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_root);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
