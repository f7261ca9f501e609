using System.Text.Json;
using Newsroom.Contracts.V1;

namespace Newsroom.Pipeline.Tests.Infrastructure;

/// <summary>The five seed page dumps from ../shared/corpus/seeds and their gold labels.</summary>
public static class SeedArticles
{
    /// <summary>One request per seed, in file order, the client ref being the file name.</summary>
    public static IReadOnlyList<SubmitArticleRequest> Requests() =>
        Directory.GetFiles(RepositoryPaths.CorpusFile("seeds"), "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(path => PipelineClient.Article(
                Path.GetFileName(path),
                File.ReadAllText(path),
                source: $"outlet-{Path.GetFileName(path)[..3]}",
                url: $"https://seeds.example/{Path.GetFileNameWithoutExtension(path)}"))
            .ToList();

    /// <summary>The gold story groups, as lists of file names.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Stories() =>
        Expected().GetProperty("stories").EnumerateArray()
            .Select(group => (IReadOnlyList<string>)group.EnumerateArray().Select(f => f.GetString()!).ToList())
            .ToList();

    /// <summary>The gold alias groups: every spelling in a group is one entity.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> AliasGroups() =>
        Expected().GetProperty("entity_alias_groups").EnumerateArray()
            .Select(group => (IReadOnlyList<string>)group.GetProperty("spellings").EnumerateArray().Select(s => s.GetString()!).ToList())
            .ToList();

    private static JsonElement Expected()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.CorpusFile("seeds"), "expected.json")));
        return document.RootElement.Clone();
    }
}
