using Xunit;

namespace Newsroom.Cli.Tests.Infrastructure;

/// <summary>
/// A test that reads ../shared/corpus: skipped with a message when the corpus is absent on a
/// developer machine, never skipped under CI=true (the test then fails and says why).
/// </summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!Directory.Exists(RepositoryPaths.Corpus) && !IsCi)
        {
            Skip = $"needs ../shared/corpus beside the repository ({RepositoryPaths.Corpus}); place the evaluation corpus there to run it";
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A folder of the corpus, failing with a clear message when it is missing (under CI).</summary>
    public static string Require(string relativePath)
    {
        var path = Path.Combine(RepositoryPaths.Corpus, relativePath);
        return Directory.Exists(path) || File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: CI must provide ../shared/corpus beside the repository.");
    }
}
