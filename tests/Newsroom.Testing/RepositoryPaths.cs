namespace Newsroom.Testing;

public static class RepositoryPaths
{
    /// <summary>The checkout's root: the folder above the test binaries that holds Microservices.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shared evaluation corpus beside the checkout; never copied into it.</summary>
    public static string Corpus { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));

    /// <summary>A file or folder of the corpus, for example <c>CorpusFile("seeds")</c>.</summary>
    public static string CorpusFile(params string[] parts) => Path.Combine([Corpus, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Microservices.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Microservices.sln above {AppContext.BaseDirectory}; run the tests from a checkout.");
    }
}
