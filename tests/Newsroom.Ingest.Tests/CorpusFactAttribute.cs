using Xunit;

namespace Newsroom.Ingest.Tests;

/// <summary>A test that reads ../shared/corpus: skipped when it is absent, except under CI=true, where the test fails instead.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!Directory.Exists(CorpusPaths.Corpus) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"needs ../shared/corpus beside the repository ({CorpusPaths.Corpus}); under CI=true this test fails instead";
        }
    }
}
