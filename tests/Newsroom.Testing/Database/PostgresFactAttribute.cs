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
        Skip = SkipReason(needsCorpus);
    }

    /// <summary>Why a PostgreSQL test cannot run here; null when it can, and always under CI=true.</summary>
    public static string? SkipReason(bool needsCorpus = false)
    {
        if (CorpusFactAttribute.IsCi)
        {
            return null;
        }
        if (Environment.GetEnvironmentVariable(PostgreSqlServer.ConnectionVariable) is not { Length: > 0 } && DockerDaemon.Missing)
        {
            return PostgreSqlServer.NoDocker;
        }
        return needsCorpus && !Directory.Exists(RepositoryPaths.Corpus)
            ? $"needs the shared corpus at {RepositoryPaths.Corpus} (../shared/corpus beside the checkout)."
            : null;
    }
}
