namespace Newsroom.Extraction.Tests;

/// <summary>Where the shared evaluation corpus lives: <c>../shared/corpus</c> beside the repository.</summary>
internal static class Corpus
{
    public static string Path { get; } = Locate();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "Microservices.sln")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? AppContext.BaseDirectory;
        return System.IO.Path.GetFullPath(System.IO.Path.Combine(root, "..", "shared", "corpus"));
    }
}
