using System.Globalization;
using BenchmarkDotNet.Attributes;
using Newsroom.Dedup;

namespace Newsroom.Benchmarks;

/// <summary>
/// Dedup's near-identical layer with a million signatures indexed: per article, its word shingles are
/// hashed, its MinHash signature computed, the index searched and the article added. One in ten new
/// articles is an edited copy of an indexed one. Mean is per article; the setup prints the bytes the
/// index keeps per article.
/// </summary>
[Config(typeof(ArticleThroughputConfig))]
public class NearDuplicateBenchmarks
{
    private const int Indexed = 1_000_000;
    private const int Batch = 1_000;
    private const int WordsPerArticle = 400;

    private readonly StoryClustererOptions options = new();
    private readonly List<List<string>> batch = [];
    private NearDuplicateIndex index = null!;
    private int added;

    [GlobalSetup]
    public void IndexAMillionArticles()
    {
        var random = new Random(11);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        index = new NearDuplicateIndex(options.MinHashCount, options.RowsPerBand, Indexed + (Batch * 64));
        var kept = new List<List<string>>();
        var shingles = new HashSet<ulong>();
        for (var i = 0; i < Indexed; i++)
        {
            // Words for the articles that get copies below; random shingle hashes, which are what words become, for the rest.
            if (i % 1000 == 0)
            {
                var words = Words(random);
                kept.Add(words);
                index.Add(Id("art_", i), Id("sto_", i), Signature(words));
                continue;
            }
            shingles.Clear();
            while (shingles.Count < WordsPerArticle - options.ShingleSize + 1)
            {
                shingles.Add((ulong)random.NextInt64());
            }
            index.Add(Id("art_", i), Id("sto_", i), MinHashSignature.Compute(shingles, options.MinHashCount));
        }
        var bytes = (GC.GetTotalMemory(forceFullCollection: true) - before) / (double)Indexed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// near-identical index: {index.Count:N0} articles, {bytes:F0} bytes each measured by the GC (ids included), {index.BytesPerArticle} in its arrays"));

        for (var i = 0; i < Batch; i++)
        {
            // An edited copy: the first 90% of an indexed article with new words after it.
            batch.Add(i % 10 == 0 ? [.. kept[i % kept.Count].Take(WordsPerArticle * 9 / 10), .. Words(random).Take(WordsPerArticle / 10)] : Words(random));
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int FindAndAddArticles()
    {
        var copies = 0;
        foreach (var words in batch)
        {
            var signature = Signature(words);
            if (index.FindBest(signature) is { Jaccard: var jaccard } && jaccard >= options.NearDuplicateThreshold)
            {
                copies++;
            }
            index.Add(Id("new_", added++), "sto_new", signature);
        }
        return copies;
    }

    private MinHashSignature Signature(List<string> words) =>
        MinHashSignature.Compute(ArticleText.ShingleHashes(words, options.ShingleSize), options.MinHashCount);

    private static List<string> Words(Random random) =>
        Enumerable.Range(0, WordsPerArticle).Select(_ => "w" + random.Next(50_000).ToString(CultureInfo.InvariantCulture)).ToList();

    private static string Id(string prefix, int number) => prefix + number.ToString("x12", CultureInfo.InvariantCulture);
}
