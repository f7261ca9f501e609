using BenchmarkDotNet.Attributes;
using Newsroom.Extraction.Tagging;

namespace Newsroom.Benchmarks;

/// <summary>The shipped entity tagger on the seed articles, each tagged as one document as extraction does.</summary>
[Config(typeof(TokenThroughputConfig))]
public class EntityTaggerBenchmarks
{
    private EntityTagger tagger = null!;
    private IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> documents = [];

    [GlobalSetup]
    public void LoadModelAndSeeds()
    {
        tagger = TaggerModelFiles.Shipped;
        documents = SeedCorpus.TaggerDocuments;
    }

    [Benchmark]
    public int TagSeedArticles()
    {
        var sentences = 0;
        foreach (var document in documents)
        {
            sentences += tagger.Tag(document).Length;
        }

        return sentences;
    }
}
