namespace Newsroom.Dedup.Tests;

internal static class CorpusAssert
{
    /// <summary>Fails with a clear message when a corpus file is missing (the attribute has already skipped outside CI).</summary>
    public static string Exists(params string[] parts)
    {
        var path = RepositoryPaths.CorpusFile(parts);
        Assert.True(System.IO.File.Exists(path), $"Corpus file {path} is missing: put the shared corpus at {RepositoryPaths.Corpus}.");
        return path;
    }
}
