using Newsroom.Contracts.Events;
using Newsroom.Extraction;
using Newsroom.Ingest;
using Newsroom.ServiceDefaults;
using Xunit.Abstractions;

namespace Newsroom.Dedup.Tests;

/// <summary>
/// The acceptance case: the five seed page dumps, cleaned by ingest and extracted by the extraction
/// service, in file order, make four stories; 002 and 003 (the suspension, reported by two outlets
/// with different spellings) are one.
/// </summary>
public sealed class SeedStoriesTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset IngestedAt = new(2024, 5, 10, 8, 0, 0, TimeSpan.Zero);

    [CorpusFact]
    public void Seeds_make_four_stories_with_the_two_suspension_reports_together()
    {
        CorpusAssert.Exists("seeds", "expected.json");
        var files = Directory.GetFiles(RepositoryPaths.CorpusFile("seeds"), "*.txt").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(5, files.Count);
        var cleaner = new ArticleCleaner();
        var extractor = new ArticleExtractor();
        var clusterer = new StoryClusterer(new StoryStore(SqliteDatabase.InMemory()));

        var stories = new Dictionary<string, StoryUpdated>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var ingested = cleaner.Clean(new RawArticle { ClientRef = name, Text = File.ReadAllText(file) }, "art_" + name, IngestedAt);
            var updated = clusterer.Assign(extractor.Extract(ingested, IngestedAt), IngestedAt);
            stories[name[..3]] = updated;
            output.WriteLine($"{name} -> {updated.StoryId} {updated.JoinKind} {updated.Score} published {ingested.Published} lead: {updated.Article.LeadEvent}");
            foreach (var feature in updated.Features)
            {
                output.WriteLine($"    {feature.Name} {feature.Score}: {feature.Detail}");
            }
        }

        Assert.Equal(4, stories.Values.Select(s => s.StoryId).Distinct().Count());
        Assert.Equal(stories["002"].StoryId, stories["003"].StoryId);
        Assert.Equal(Contracts.V1.JoinReason.Types.Kind.SameEvent, stories["003"].JoinKind);
        Assert.Equal("art_002_e77f9f4e79c22146", stories["003"].MatchedArticleId);
    }
}
