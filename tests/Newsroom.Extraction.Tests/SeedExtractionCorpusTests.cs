using Newsroom.Contracts.Events;

namespace Newsroom.Extraction.Tests;

/// <summary>Extraction of the seed articles holds together; their alias groups and lead events are measured through `newsroom replay` (Newsroom.Cli.Tests).</summary>
public sealed class SeedExtractionCorpusTests
{
    private static readonly DateTimeOffset ExtractedAt = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [CorpusFact]
    public void Entity_offsets_point_into_the_article_text()
    {
        foreach (var (name, result) in ExtractSeeds())
        {
            foreach (var mention in result.Entities)
            {
                Assert.True(result.Article.Text.Substring(mention.Start, mention.End - mention.Start) == mention.Text, $"{name}: {mention} does not match the text at its offsets");
            }

            foreach (var date in result.Dates)
            {
                Assert.Equal(date.Text, result.Article.Text[date.Start..date.End]);
            }
        }
    }

    private static Dictionary<string, ArticleExtracted> ExtractSeeds()
    {
        var extractor = new ArticleExtractor();
        return SeedArticles.Load().ToDictionary(a => a.Key, a => extractor.Extract(a.Value, ExtractedAt));
    }
}
