using BenchmarkDotNet.Attributes;
using Newsroom.Contracts.Events;
using Newsroom.Extraction;
using Newsroom.Extraction.Tagging;

namespace Newsroom.Benchmarks;

/// <summary>The whole extraction step (entities, aliases, dates, lead event) on the seed articles; Mean is per article.</summary>
[Config(typeof(ArticleThroughputConfig))]
public class ArticleExtractionBenchmarks
{
    private static readonly DateTimeOffset ExtractedAt = DateTimeOffset.UnixEpoch;

    private readonly ArticleExtractor extractor = new();
    private IReadOnlyList<ArticleIngested> articles = [];

    [GlobalSetup]
    public void LoadModelAndSeeds()
    {
        _ = TaggerModelFiles.Shipped;
        articles = SeedCorpus.Articles;
    }

    [Benchmark(OperationsPerInvoke = SeedCorpus.ArticleCount)]
    public int ExtractSeedArticles()
    {
        var entities = 0;
        foreach (var article in articles)
        {
            entities += extractor.Extract(article, ExtractedAt).Entities.Count;
        }

        return entities;
    }
}
