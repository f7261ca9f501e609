using Newsroom.Cli.Eval;
using Xunit;

namespace Newsroom.Cli.Tests;

public sealed class ClusteringMetricsTests
{
    [Fact]
    public void Identical_partitions_score_one_whatever_the_labels()
    {
        var scores = ClusteringMetrics.Score(["a", "a", "b", "c"], ["x", "x", "y", "z"]);

        Assert.Equal((1.0, 1.0, 1.0, 1.0, 1.0), (scores.Precision, scores.Recall, scores.F1, scores.PairF1, scores.AdjustedRand));
    }

    [Fact]
    public void Everything_in_one_cluster_has_full_recall_and_low_precision()
    {
        var scores = ClusteringMetrics.Score(["a", "a", "b", "b"], ["x", "x", "x", "x"]);

        Assert.Equal(1.0, scores.Recall);
        Assert.Equal(0.5, scores.Precision);
        // 6 pairs predicted, 2 of them gold pairs.
        Assert.Equal((1.0 / 3, 1.0), (scores.PairPrecision, scores.PairRecall));
        Assert.Equal(0.0, scores.AdjustedRand, 6);
    }

    [Fact]
    public void Split_cluster_matches_hand_computed_b_cubed_pairwise_and_ari()
    {
        // Gold {1,2,3}{4}; predicted {1,2}{3,4}: B3 P = (1+1+1/2+1/2)/4, R = (2/3+2/3+1/3+1)/4;
        // pairs: predicted {12, 34}, gold {12, 13, 23}, shared {12}; ARI: index 1, expected 3*2/6 = 1, max (3+2)/2 = 2.5 -> 0.
        var scores = ClusteringMetrics.Score(["g", "g", "g", "h"], ["p", "p", "q", "q"]);

        Assert.Equal(0.75, scores.Precision, 6);
        Assert.Equal(2.6666666 / 4, scores.Recall, 6);
        Assert.Equal((0.5, 1.0 / 3), (scores.PairPrecision, scores.PairRecall));
        Assert.Equal(0.4, scores.PairF1, 6);
        Assert.Equal(0.0, scores.AdjustedRand, 6);
    }

    [Fact]
    public void All_singletons_against_all_singletons_have_no_pairs_and_score_one()
    {
        var scores = ClusteringMetrics.Score(["a", "b"], ["x", "y"]);

        Assert.Equal((1.0, 1.0, 1.0), (scores.PairPrecision, scores.PairRecall, scores.AdjustedRand));
    }
}
