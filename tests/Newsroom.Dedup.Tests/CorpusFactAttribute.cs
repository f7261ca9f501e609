namespace Newsroom.Dedup.Tests;

/// <summary>
/// A test that reads the shared corpus: skipped with a reason when the corpus is absent, except under
/// CI=true, where it runs (and fails with a clear message) so that CI cannot skip it silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!Directory.Exists(CorpusLocation.CorpusPath) && !onCi)
        {
            Skip = $"needs ../shared/corpus beside the repository ({CorpusLocation.CorpusPath} is missing); see the corpus README for how to get it";
        }
    }
}
