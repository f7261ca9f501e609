using Newsroom.ServiceDefaults;
using Newsroom.Testing.Database;

namespace Newsroom.Query.Tests;

/// <summary>Read models in new databases of the test PostgreSQL server, dropped when its tests end.</summary>
public sealed class PostgresQueryStores(PostgreSqlServer server) : QueryStores
{
    private readonly List<PostgresDatabase> _databases = [];

    public override async Task<QueryStore> OpenAsync()
    {
        var database = new PostgresDatabase(await server.CreateDatabaseAsync("query"));
        _databases.Add(database);
        return new QueryStore(database);
    }

    public override ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
        return base.DisposeAsync();
    }
}
