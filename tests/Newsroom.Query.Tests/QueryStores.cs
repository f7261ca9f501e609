namespace Newsroom.Query.Tests;

/// <summary>Opens empty read models on one kind of database for tests written once for all of them, and closes them after.</summary>
public abstract class QueryStores : IAsyncDisposable
{
    public abstract Task<QueryStore> OpenAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
