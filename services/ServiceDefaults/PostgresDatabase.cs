using Npgsql;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// A PostgreSQL database that services on several hosts share (<see cref="DataOptions.PostgreSql"/>), opened
/// through one pooled data source per process.
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // Statements used again and again are prepared on the server, which then plans them once per connection
        // (see PreparedCommands for what that asks of a reused command).
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 128 };
        Description = $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Where the database is, without credentials, for logs and errors.</summary>
    public string Description { get; }

    public NpgsqlConnection Open()
    {
        try
        {
            return _dataSource.OpenConnection();
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException)
        {
            throw Unreachable(error);
        }
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException)
        {
            throw Unreachable(error);
        }
    }

    private InvalidOperationException Unreachable(Exception error) => new(
        $"Could not open the {Description}: {error.Message}. Check that PostgreSQL runs and that Data:PostgreSql names its host, database, user and password.",
        error);

    /// <summary>A failure that passes when the database is back (a lost connection, a restart), as <see cref="Open"/> reports it or as Npgsql does.</summary>
    public static bool IsUnavailable(Exception error) =>
        error is NpgsqlException { IsTransient: true } || error is InvalidOperationException { InnerException: NpgsqlException { IsTransient: true } };

    /// <summary>
    /// Runs <paramref name="sql"/> (a schema's CREATE ... IF NOT EXISTS statements) in one transaction under an
    /// advisory lock named by <paramref name="lockKey"/>, so that replicas starting together do not race to create the same tables.
    /// </summary>
    public static void CreateSchema(NpgsqlConnection connection, long lockKey, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(@key)";
        command.Parameters.AddWithValue("key", lockKey);
        command.ExecuteNonQuery();
        command.Parameters.Clear();
        command.CommandText = sql;
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    public void Dispose() => _dataSource.Dispose();
}
