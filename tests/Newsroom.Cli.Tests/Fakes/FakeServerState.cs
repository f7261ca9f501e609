using System.Collections.Concurrent;
using Google.Protobuf;

namespace Newsroom.Cli.Tests.Fakes;

/// <summary>What the fake server received, so tests can check the requests the CLI built.</summary>
public sealed class FakeServerState
{
    public ConcurrentQueue<IMessage> Requests { get; } = new();

    /// <summary>The deadline of each SubmitArticles call, in the order the calls came.</summary>
    public ConcurrentQueue<DateTime> IngestDeadlines { get; } = new();

    public TaskCompletionSource WatchCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public T Last<T>()
        where T : IMessage => Requests.OfType<T>().Last();
}
