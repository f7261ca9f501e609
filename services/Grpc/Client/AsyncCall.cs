namespace Newsroom.Grpc;

/// <summary>What every client call offers: response headers, and the status and trailers once it ends.</summary>
public abstract class AsyncCall : IDisposable
{
    private protected AsyncCall(IGrpcCall call) => Call = call;

    /// <summary>The response headers; fails with the call's <see cref="RpcException"/> when none came.</summary>
    public Task<Metadata> ResponseHeadersAsync => Call.ResponseHeadersAsync;

    private protected IGrpcCall Call { get; }

    /// <summary>The final status; only once the call has ended.</summary>
    public Status GetStatus() => Call.GetStatus();

    /// <summary>The trailing metadata; only once the call has ended.</summary>
    public Metadata GetTrailers() => Call.GetTrailers();

    /// <summary>Cancels the call if it is still running and frees its resources.</summary>
    public void Dispose()
    {
        Call.Dispose();
        GC.SuppressFinalize(this);
    }
}
