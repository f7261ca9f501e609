using Xunit;

namespace Newsroom.Query.Tests;

/// <summary>Tests of <see cref="QueryStore"/> written once and run on each database by a subclass per database.</summary>
public abstract class QueryStoreTests(QueryStores stores) : IAsyncLifetime
{
    /// <summary>An empty read model for the test.</summary>
    protected QueryStore Store { get; private set; } = null!;

    /// <summary>Another empty read model of the same kind.</summary>
    protected Task<QueryStore> OpenStoreAsync() => stores.OpenAsync();

    public async Task InitializeAsync() => Store = await stores.OpenAsync();

    public async Task DisposeAsync() => await stores.DisposeAsync();
}
