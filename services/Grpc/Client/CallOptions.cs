namespace Newsroom.Grpc;

/// <summary>Per-call settings: request metadata, a deadline (UTC), and cancellation.</summary>
public readonly record struct CallOptions(Metadata? Headers = null, DateTime? Deadline = null, CancellationToken CancellationToken = default);
