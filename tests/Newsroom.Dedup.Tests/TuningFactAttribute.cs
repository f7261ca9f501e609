namespace Newsroom.Dedup.Tests;

/// <summary>A corpus test that runs only on request (DEDUP_TUNE=1), because it replays the corpus many times.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TuningFactAttribute : FactAttribute
{
    public TuningFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("DEDUP_TUNE") != "1")
        {
            Skip = "threshold search: run with DEDUP_TUNE=1 (takes minutes)";
        }
        else if (!Directory.Exists(RepositoryPaths.Corpus))
        {
            Skip = $"needs ../shared/corpus beside the repository ({RepositoryPaths.Corpus} is missing)";
        }
    }
}
