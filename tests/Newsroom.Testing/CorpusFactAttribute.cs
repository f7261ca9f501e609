using Xunit;

namespace Newsroom.Testing;

/// <summary>
/// A test that reads ../shared/corpus: skipped with a message when the corpus is absent on a
/// developer machine, never skipped under CI=true, where the test runs and fails saying why, so
/// that CI cannot skip it silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!Directory.Exists(RepositoryPaths.Corpus) && !IsCi)
        {
            Skip = $"needs ../shared/corpus beside the repository ({RepositoryPaths.Corpus}); place the evaluation corpus there to run this test";
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A file or folder of the corpus, failing with a clear message when it is missing (under CI).</summary>
    public static string Require(string relativePath)
    {
        var path = Path.Combine(RepositoryPaths.Corpus, relativePath);
        return Directory.Exists(path) || File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: CI must provide ../shared/corpus beside the repository.");
    }
}
