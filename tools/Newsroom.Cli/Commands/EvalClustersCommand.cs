using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Newsroom.Cli.Eval;
using Newsroom.Cli.Output;
using Newsroom.Cli.Replay;
using Spectre.Console;
using static Newsroom.Cli.Output.TableExtensions;

namespace Newsroom.Cli.Commands;

/// <summary>`newsroom eval clusters`: story clustering against gold clusters, through the replay path, in file order and shuffled.</summary>
internal static class EvalClustersCommand
{
    public static Command Create(CommandContext context)
    {
        var gold = new Option<string>("--gold")
        {
            Description = "JSON Lines: each line an article as replay reads it (\"text\" or \"html\"; optional \"title\", \"url\", \"source\", \"published\") with \"doc_id\" or \"id\", its gold \"cluster\" and optionally a \"topic\"",
            Required = true,
        };
        var shuffle = new Option<int?>("--shuffle") { Description = "Also replay the articles in a random order that this seed fixes, and print both orders" };
        var subset = new Option<EvalSubset>("--subset")
        {
            Description = "all articles, or those of the topics at even or odd positions (\"topic\", else \"cluster\", in sorted order): tune on one half, report on the other",
            DefaultValueFactory = _ => EvalSubset.All,
        };
        var settings = new Option<string?>("--settings") { Description = "A JSON settings file whose \"Dedup\" section replaces the default clustering options, as in the dedup service's appsettings.json" };
        var predictions = new Option<string?>("--predictions") { Description = "Write each article's gold cluster, predicted story and why it joined (as replay writes it), per order, as JSON Lines" };
        var command = new Command(
            "clusters",
            "Replay labelled articles (ingest's cleaner, extraction and dedup, exactly as `newsroom replay`) and score the stories against the gold clusters: "
            + "B-cubed precision, recall and F1, pairwise precision, recall and F1, and the adjusted Rand index. An article replay rejects counts as a story of its own.")
        {
            gold,
            shuffle,
            subset,
            settings,
            predictions,
        };
        command.SetAction((result, cancellationToken) => CommandExecution.RunAsync(context.Environment, string.Empty, async () =>
        {
            var items = GoldClusterReader.Read(result.GetRequiredValue(gold), result.GetValue(subset));
            var options = ClustererSettings.Read(result.GetValue(settings));
            var orders = new List<(string Name, IReadOnlyList<GoldClusterItem> Items)> { ("file order", items) };
            if (result.GetValue(shuffle) is { } seed)
            {
                orders.Add((string.Create(CultureInfo.InvariantCulture, $"shuffled (seed {seed})"), ClusteringEvaluation.Shuffle(items, seed)));
            }

            var runs = await ItemProgress.RunAsync(context.Environment.Error, "articles replayed", "orders scored", items.Count * orders.Count, lineEvery: 100,
                progress => Task.Run(() => orders.Select(order =>
                {
                    var clustered = ClusteringEvaluation.Run(order.Items, options, TimeProvider.System, progress.AdvanceFirst, cancellationToken);
                    progress.AdvanceSecond(orders.Count);
                    return (order.Name, Items: clustered, Scores: ClusteringEvaluation.Score(clustered));
                }).ToList(), cancellationToken)).ConfigureAwait(false);

            foreach (var rejected in runs[0].Items.Where(i => i.Error is not null))
            {
                context.Environment.Error.Profile.Out.Writer.WriteLine($"warning: {rejected.Id} was rejected and counts as a story of its own: {rejected.Error}");
            }

            if (result.GetValue(predictions) is { } predictionsPath)
            {
                WritePredictions(predictionsPath, runs);
            }

            Report(context, result, runs);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void WritePredictions(string path, IEnumerable<(string Name, IReadOnlyList<ClusteredItem> Items, ClusteringScores Scores)> runs)
    {
        try
        {
            using var writer = new StreamWriter(path);
            foreach (var (name, items, _) in runs)
            {
                foreach (var item in items)
                {
                    writer.WriteLine(JsonSerializer.Serialize(new { order = name, id = item.Id, cluster = item.Cluster, story = item.StoryId, join = item.Join, error = item.Error }, ReplayJoin.JsonOptions));
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"cannot write the predictions '{path}': {exception.Message}", "pass --predictions with a file path you can write");
        }
    }

    private static void Report(CommandContext context, ParseResult result, IReadOnlyList<(string Name, IReadOnlyList<ClusteredItem> Items, ClusteringScores Scores)> runs)
    {
        if (context.Json(result))
        {
            context.Environment.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new
            {
                runs = runs.Select(run =>
                {
                    var errors = ClusteringErrors.Of(run.Items);
                    return new
                    {
                        order = run.Name,
                        articles = run.Scores.Items,
                        rejected = run.Items.Count(i => i.Error is not null),
                        gold_clusters = run.Scores.GoldClusters,
                        stories = run.Scores.PredictedClusters,
                        b3 = new { precision = Round(run.Scores.Precision), recall = Round(run.Scores.Recall), f1 = Round(run.Scores.F1) },
                        pairwise = new { precision = Round(run.Scores.PairPrecision), recall = Round(run.Scores.PairRecall), f1 = Round(run.Scores.PairF1) },
                        ari = Round(run.Scores.AdjustedRand),
                        mixed_stories = errors.MixedStories.Select(m => new
                        {
                            story = m.StoryId,
                            clusters = m.Clusters.Select(c => new { cluster = c.Cluster, articles = c.Articles }),
                        }),
                        split_clusters = errors.SplitClusters.Select(c => new
                        {
                            cluster = c.Cluster,
                            stories = c.Stories.Select(p => new { story = p.StoryId, articles = p.Articles }),
                        }),
                    };
                }),
            }, JsonOutput.Readable));
            return;
        }

        // One column per order and one row per measure: the table stays narrow on any terminal.
        var table = new Table().WithColumns([Column("measure"), .. runs.Select(run => Column(run.Name))]);
        (string Name, Func<(IReadOnlyList<ClusteredItem> Items, ClusteringScores Scores), string> Value)[] rows =
        [
            ("B-cubed precision", run => TextFormat.Measure(run.Scores.Precision)),
            ("B-cubed recall", run => TextFormat.Measure(run.Scores.Recall)),
            ("B-cubed F1", run => TextFormat.Measure(run.Scores.F1)),
            ("pairwise precision", run => TextFormat.Measure(run.Scores.PairPrecision)),
            ("pairwise recall", run => TextFormat.Measure(run.Scores.PairRecall)),
            ("pairwise F1", run => TextFormat.Measure(run.Scores.PairF1)),
            ("adjusted Rand index", run => TextFormat.Measure(run.Scores.AdjustedRand)),
            ("articles", run => Count(run.Scores.Items)),
            ("rejected", run => Count(run.Items.Count(i => i.Error is not null))),
            ("gold clusters", run => Count(run.Scores.GoldClusters)),
            ("stories", run => Count(run.Scores.PredictedClusters)),
        ];
        foreach (var (name, value) in rows)
        {
            table.AddTextRow([name, .. runs.Select(run => value((run.Items, run.Scores)))]);
        }

        context.Environment.Out.Write(table);
        foreach (var run in runs)
        {
            WriteErrors(context.Environment.Out.Profile.Out.Writer, run.Name, ClusteringErrors.Of(run.Items));
        }
    }

    /// <summary>Which stories mix gold clusters and which gold clusters are split, the largest first, so a reader sees what the scores count.</summary>
    private static void WriteErrors(TextWriter writer, string order, ClusteringErrors errors)
    {
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{order}: {Counted(errors.MixedStories.Count, "story mixes", "stories mix")} gold clusters, {Counted(errors.SplitClusters.Count, "gold cluster is", "gold clusters are")} split over stories"));
        IEnumerable<string> mixed = errors.MixedStories.Select(m => $"  mixed {m.StoryId}: {Parts(m.Clusters)}");
        IEnumerable<string> split = errors.SplitClusters.Select(c => $"  split {c.Cluster}: {Parts(c.Stories)}");
        foreach (var (lines, count) in new[] { (mixed, errors.MixedStories.Count), (split, errors.SplitClusters.Count) })
        {
            foreach (var line in lines.Take(ErrorsShown))
            {
                writer.WriteLine(line);
            }
            if (count > ErrorsShown)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  and {count - ErrorsShown} more: --json or --predictions lists them all"));
            }
        }
    }

    private static string Counted(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");

    private static string Parts(IEnumerable<(string Name, int Articles)> parts) =>
        string.Join(", ", parts.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Articles}")));

    /// <summary>Mixed stories and split clusters listed for each order; the rest are counted.</summary>
    private const int ErrorsShown = 10;

    private static double Round(double value) => Math.Round(value, 4);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
