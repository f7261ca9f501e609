namespace Newsroom.Dedup.Tests;

/// <summary>Where the shared evaluation corpus lives: beside the repository, never inside it.</summary>
internal static class CorpusLocation
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string CorpusPath { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));

    public static string File(params string[] parts) => Path.Combine([CorpusPath, .. parts]);

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "Microservices.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Microservices.sln above {AppContext.BaseDirectory}; run the tests from a checkout of the repository.");
    }
}
