using Xunit;

namespace Newsroom.Testing.Broker;

/// <summary>
/// A test that needs what a fresh machine may lack: a Docker daemon for the RabbitMQ container (or
/// a broker named by NEWSROOM_TEST_RABBITMQ_URI), and for some tests the shared corpus. It is
/// skipped with the reason on a developer's machine, and never under CI=true, where a missing part
/// must fail loudly instead.
/// </summary>
public sealed class PipelineFactAttribute : FactAttribute
{
    public PipelineFactAttribute(bool needsBroker = true, bool needsCorpus = false)
    {
        if (CorpusFactAttribute.IsCi)
        {
            return;
        }
        var brokerMissing = needsBroker
            && Environment.GetEnvironmentVariable(RabbitMqBroker.UriVariable) is not { Length: > 0 }
            && DockerDaemon.Missing;
        if (brokerMissing)
        {
            Skip = RabbitMqBroker.NoDocker;
        }
        else if (needsCorpus && !Directory.Exists(RepositoryPaths.CorpusFile("seeds")))
        {
            Skip = $"needs the shared corpus at {RepositoryPaths.CorpusFile("seeds")} (../shared/corpus beside the checkout).";
        }
    }
}
