namespace Newsroom.Extraction.Tests;

/// <summary>
/// A fact that needs the shared corpus. Skipped with a message when the corpus is absent, except under
/// CI=true, where the test runs and fails with a clear message so that CI cannot skip it silently.
/// </summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!Directory.Exists(Corpus.Path) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"needs ../shared/corpus beside the repository (looked in {Corpus.Path}); place the evaluation corpus there to run this test";
        }
    }
}
