namespace Newsroom.Grpc;

/// <summary>What a request stream needs of its call.</summary>
internal interface IGrpcCallControl
{
    CancellationToken CallCancellation { get; }

    RpcException WriteFailed(Exception exception);
}
