using Newsroom.Extraction.Tagging;

namespace Newsroom.Extraction.Tests;

public sealed class FrozenWeightsTests
{
    private static float[] Scores(FrozenWeights weights, ulong feature)
    {
        var scores = new float[weights.Block];
        weights.AddTo(feature, scores);
        return scores;
    }

    [Fact]
    public void The_mean_averages_each_feature_and_counts_a_feature_one_table_lacks_as_zero()
    {
        var first = new FrozenWeights(2, new Dictionary<ulong, int> { [10] = 0, [20] = 1 }, [1f, -2f, 4f, 4f]);
        var second = new FrozenWeights(2, new Dictionary<ulong, int> { [30] = 0, [10] = 1 }, [6f, 2f, 3f, 0f]);

        var mean = FrozenWeights.Mean([first, second]);

        Assert.Equal(3, mean.Count);
        Assert.Equal([2f, -1f], Scores(mean, 10));
        Assert.Equal([2f, 2f], Scores(mean, 20));
        Assert.Equal([3f, 1f], Scores(mean, 30));
        Assert.Equal([0f, 0f], Scores(mean, 40));
    }

    [Fact]
    public void Every_feature_finds_its_own_weights_among_thousands_alike_in_their_low_bits()
    {
        // Features differing only in their high bits, and two thousand of them: long probe runs in the table.
        var ids = Enumerable.Range(0, 2000).ToDictionary(i => (ulong)i << 40, i => i);
        var weights = Enumerable.Range(0, 2000).SelectMany(i => new[] { i, -i }).Select(w => (float)w).ToArray();

        var table = new FrozenWeights(2, ids, weights);

        Assert.Equal(2000, table.Count);
        Assert.All(ids, f => Assert.Equal([f.Value, -f.Value], Scores(table, f.Key)));
        Assert.Equal([0f, 0f], Scores(table, (2000UL << 40) + 1));
        Assert.Equal([0f, 0f], Scores(table, 1));
    }
}
