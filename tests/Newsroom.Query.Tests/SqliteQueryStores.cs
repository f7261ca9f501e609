using Newsroom.ServiceDefaults;

namespace Newsroom.Query.Tests;

/// <summary>Read models in private in-memory SQLite databases.</summary>
public sealed class SqliteQueryStores : QueryStores
{
    public override Task<QueryStore> OpenAsync() => Task.FromResult(new QueryStore(SqliteDatabase.InMemory()));
}
