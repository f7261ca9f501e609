namespace Newsroom.Ingest.Tests;

/// <summary>The shared evaluation corpus beside the repository (never copied into it).</summary>
internal static class CorpusPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Corpus => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));

    public static string Seeds => Path.Combine(Corpus, "seeds");

    public static string ArticleExtraction => Path.Combine(Corpus, "article-extraction");

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Microservices.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Microservices.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
