using System.Globalization;
using Newsroom.Dedup.Tests.Evaluation;
using Xunit.Abstractions;

namespace Newsroom.Dedup.Tests;

/// <summary>
/// The threshold search behind the defaults, run on demand (DEDUP_TUNE=1; it takes minutes): a grid
/// over the same-event threshold and the text/entity weights on the tuning half of the ECB+ topics.
/// It asserts that the shipped defaults are within reach of the best setting found there.
/// </summary>
public sealed class EcbPlusTuningTests(ITestOutputHelper output)
{
    [TuningFact]
    public void Default_thresholds_are_near_the_best_on_the_tuning_topics()
    {
        var (tuning, _) = EcbPlusCorpus.SplitByTopic(EcbPlusCorpus.LoadDev());
        var extraction = new PipelineExtraction();
        var articles = ClusteringRun.Extract(tuning, extraction);
        var gold = tuning.Select(d => d.Cluster).ToList();

        var results = new List<(StoryClustererOptions Options, ClusteringScores Scores)>();
        foreach (var textWeight in new[] { 0.3, 0.4, 0.5, 0.6 })
        {
            foreach (var threshold in new[] { 0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.25 })
            {
                var options = new StoryClustererOptions
                {
                    TextWeight = textWeight,
                    EntityWeight = 0.8 - textWeight,
                    LeadEventWeight = 0.2,
                    SameEventThreshold = threshold,
                };
                var scores = ClusteringRun.Score(articles, gold, options);
                results.Add((options, scores));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"text {textWeight:F2} entity {options.EntityWeight:F2} threshold {threshold:F3}: {scores}"));
            }
        }

        var best = results.MaxBy(r => r.Scores.F1);
        var defaults = ClusteringRun.Score(articles, gold, new StoryClustererOptions());
        output.WriteLine($"best {best.Scores} at text {best.Options.TextWeight} threshold {best.Options.SameEventThreshold}; defaults {defaults}");
        Assert.True(defaults.F1 >= best.Scores.F1 - 0.02, $"defaults {defaults} fall behind the best setting {best.Scores}");
    }
}
