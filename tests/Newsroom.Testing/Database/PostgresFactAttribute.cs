using Newsroom.Testing.Broker;
using Xunit;

namespace Newsroom.Testing.Database;

/// <summary>
/// A test that needs PostgreSQL (a Docker daemon for its container, or a server named by NEWSROOM_TEST_POSTGRES),
/// and perhaps the shared corpus. It is skipped with the reason on a developer's machine without them, and never
/// under CI=true, where a missing part must fail loudly instead.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute(bool needsCorpus = false)
    {
        if (CorpusFactAttribute.IsCi)
        {
            return;
        }
        if (Environment.GetEnvironmentVariable(PostgreSqlServer.ConnectionVariable) is not { Length: > 0 } && DockerDaemon.Missing)
        {
            Skip = PostgreSqlServer.NoDocker;
        }
        else if (needsCorpus && !Directory.Exists(RepositoryPaths.Corpus))
        {
            Skip = $"needs the shared corpus at {RepositoryPaths.Corpus} (../shared/corpus beside the checkout).";
        }
    }
}
