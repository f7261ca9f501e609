namespace Newsroom.Dedup.Tests;

public sealed class NearDuplicateIndexTests
{
    [Theory]
    [InlineData(0.9)]
    [InlineData(0.7)]
    [InlineData(0.5)]
    [InlineData(0.2)]
    public void Signatures_estimate_the_shingle_jaccard(double jaccard)
    {
        // Two sets of 1,000 shingles sharing the given share of their union.
        var shared = (int)Math.Round(2000 * jaccard / (1 + jaccard));
        var first = Enumerable.Range(0, 1000).Select(i => (ulong)i).ToHashSet();
        var second = Enumerable.Range(1000 - shared, 1000).Select(i => (ulong)i).ToHashSet();

        var estimate = MinHashSignature.Compute(first, 100).EstimateJaccard(MinHashSignature.Compute(second, 100).Values);

        Assert.InRange(estimate, jaccard - 0.12, jaccard + 0.12);
    }

    [Fact]
    public void A_short_text_gets_a_full_signature_that_matches_its_copy_only()
    {
        var shingles = new HashSet<ulong> { 11, 12, 13 };

        var signature = MinHashSignature.Compute(shingles, 100);

        Assert.Equal(1.0, signature.EstimateJaccard(MinHashSignature.Compute(shingles, 100).Values));
        Assert.True(signature.EstimateJaccard(MinHashSignature.Compute(new HashSet<ulong> { 21, 22, 23 }, 100).Values) < 0.1);
    }

    [Fact]
    public void An_edited_copy_is_found_among_many_articles_and_growth_keeps_every_article_findable()
    {
        var random = new Random(3);
        var index = new NearDuplicateIndex(100, 5, capacity: 16);
        var texts = new List<HashSet<ulong>>();
        for (var i = 0; i < 3000; i++)
        {
            var text = Enumerable.Range(0, 300).Select(_ => (ulong)random.NextInt64()).ToHashSet();
            texts.Add(text);
            index.Add($"art_{i}", $"sto_{i}", MinHashSignature.Compute(text, 100));
        }

        // A copy of article 17 with a tenth of its shingles replaced (an edit, another headline, boilerplate).
        var copy = texts[17].Take(270).Concat(Enumerable.Range(0, 30).Select(_ => (ulong)random.NextInt64())).ToHashSet();
        var match = index.FindBest(MinHashSignature.Compute(copy, 100));
        var unrelated = index.FindBest(MinHashSignature.Compute(Enumerable.Range(0, 300).Select(_ => (ulong)random.NextInt64()).ToHashSet(), 100));

        Assert.Equal(3000, index.Count);
        Assert.Equal(("art_17", "sto_17"), (match!.Value.ArticleId, match.Value.StoryId));
        Assert.InRange(match.Value.Jaccard, 0.7, 1.0);
        Assert.True(unrelated is null || unrelated.Value.Jaccard < 0.2);
        foreach (var i in (int[])[0, 1500, 2999])
        {
            Assert.Equal($"art_{i}", index.FindBest(MinHashSignature.Compute(texts[i], 100))!.Value.ArticleId);
            Assert.True(index.Holds($"art_{i}"));
        }
        Assert.False(index.Holds("art_3000"));
    }

    [Fact]
    public void A_band_that_thousands_share_is_walked_only_as_far_as_the_candidate_bound()
    {
        var index = new NearDuplicateIndex(100, 5);
        var boilerplate = MinHashSignature.Compute(new HashSet<ulong> { 1, 2, 3, 4 }, 100);
        for (var i = 0; i < 5000; i++)
        {
            index.Add($"art_{i}", "sto_boilerplate", boilerplate);
        }

        var match = index.FindBest(boilerplate);

        // The newest first: the bound keeps the lookup short and still finds an identical copy.
        Assert.Equal(("art_4999", 1.0), (match!.Value.ArticleId, match.Value.Jaccard));
    }

    [Fact]
    public void A_signature_of_another_shape_is_refused_by_the_index_and_finds_nothing()
    {
        var index = new NearDuplicateIndex(100, 5);
        index.Add("art_1", "sto_1", MinHashSignature.Compute(new HashSet<ulong> { 1, 2 }, 100));

        Assert.Null(index.FindBest(MinHashSignature.Compute(new HashSet<ulong> { 1, 2 }, 60)));
        Assert.Throws<ArgumentException>(() => index.Add("art_2", "sto_2", MinHashSignature.Compute(new HashSet<ulong> { 1, 2 }, 60)));
    }
}
