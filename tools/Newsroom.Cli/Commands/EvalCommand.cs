using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Newsroom.Cli.Eval;
using Newsroom.Cli.Output;
using Spectre.Console;
using static Newsroom.Cli.Output.TableExtensions;

namespace Newsroom.Cli.Commands;

/// <summary>`newsroom eval`: measures parts of the pipeline on labelled data, offline, through the code the services run.</summary>
internal static class EvalCommand
{
    public static Command Create(CommandContext context) => new("eval", "Measure the pipeline on labelled data, offline")
    {
        CreateExtraction(context),
        EvalNerCommand.Create(context),
        EvalClustersCommand.Create(context),
    };

    private static Command CreateExtraction(CommandContext context)
    {
        var pages = new Option<string>("--pages") { Description = "A folder of pages named <id>.html.gz (or <id>.html), one per ground-truth id", Required = true };
        var gold = new Option<string>("--gold") { Description = "The ground truth: a JSON object {\"<id>\": {\"articleBody\": \"...\", \"url\": \"...\"}}, as the Article Extraction Benchmark's ground-truth.json", Required = true };
        var subset = new Option<EvalSubset>("--subset")
        {
            Description = "all pages, or the half at even or odd positions of the sorted ids (tune on one half, report on the other)",
            DefaultValueFactory = _ => EvalSubset.All,
        };
        var command = new Command(
            "extraction",
            "Main-text extraction against gold article bodies: each page cleaned as ingest and replay clean it, scored by word 4-gram shingle precision, recall and F1. "
            + "Overall F1 is the benchmark's: the harmonic mean of the mean per-page precision and the mean per-page recall (as the Article Extraction Benchmark reports, trafilatura 0.958); "
            + "also printed are the mean of per-page F1 (macro) and the F1 of all shingles pooled (micro). A page that fails scores 0 and its error is printed; the run goes on.")
        {
            pages,
            gold,
            subset,
        };
        command.SetAction((result, cancellationToken) => CommandExecution.RunAsync(context.Environment, result.GetRequiredValue(context.Options.Server), async () =>
        {
            var pagesFolder = result.GetRequiredValue(pages);
            if (!Directory.Exists(pagesFolder))
            {
                throw new CommandFailedException($"the pages folder '{pagesFolder}' does not exist", "pass --pages with a folder of <id>.html.gz files");
            }

            var goldPages = ExtractionGoldReader.Read(result.GetRequiredValue(gold), result.GetValue(subset));
            var scores = await ItemProgress.RunAsync(context.Environment.Error, "pages read", "pages scored", goldPages.Count, lineEvery: 25,
                progress => Task.Run(() => Score(context, pagesFolder, goldPages, progress, cancellationToken), cancellationToken)).ConfigureAwait(false);
            Report(context, result, scores, ExtractionSummary.Of(scores));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static List<ExtractionDocumentScore> Score(
        CommandContext context, string pagesFolder, IReadOnlyList<ExtractionGoldPage> goldPages, ItemProgress progress, CancellationToken cancellationToken)
    {
        var evaluation = new ExtractionEvaluation(pagesFolder, TimeProvider.System);
        var scores = new List<ExtractionDocumentScore>(goldPages.Count);
        foreach (var page in goldPages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress.AdvanceFirst();
            var score = evaluation.Score(page, cancellationToken);
            if (score.Error is not null)
            {
                context.Environment.Error.Profile.Out.Writer.WriteLine($"warning: page {page.Id} scores 0: {score.Error}");
            }

            scores.Add(score);
            progress.AdvanceSecond(progress.First);
        }

        return scores;
    }

    private static void Report(CommandContext context, ParseResult result, IReadOnlyList<ExtractionDocumentScore> scores, ExtractionSummary summary)
    {
        if (context.Json(result))
        {
            context.Environment.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new
            {
                pages = scores.Select(score => new
                {
                    id = score.Id,
                    precision = Math.Round(score.Counts.Precision, 4),
                    recall = Math.Round(score.Counts.Recall, 4),
                    f1 = Math.Round(score.Counts.F1, 4),
                    published = score.Published,
                    error = score.Error,
                }),
                overall = new
                {
                    pages = summary.Documents,
                    errors = summary.Errors,
                    precision = Math.Round(summary.Precision, 4),
                    recall = Math.Round(summary.Recall, 4),
                    f1 = Math.Round(summary.F1, 4),
                    macro_f1 = Math.Round(summary.MacroF1, 4),
                    micro_precision = Math.Round(summary.MicroPrecision, 4),
                    micro_recall = Math.Round(summary.MicroRecall, 4),
                    micro_f1 = Math.Round(summary.MicroF1, 4),
                },
            }, JsonOutput.Readable));
            return;
        }

        var table = new Table().WithColumns(IdColumn("page"), Column("precision"), Column("recall"), Column("F1"), Column("published"), Column("error"));
        foreach (var score in scores)
        {
            table.AddTextRow(score.Id, TextFormat.Measure(score.Counts.Precision), TextFormat.Measure(score.Counts.Recall), TextFormat.Measure(score.Counts.F1),
                score.Published is { } published ? published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-", score.Error ?? "");
        }

        var console = context.Environment.Out;
        console.Write(table);
        var totals = new Grid().AddColumn().AddColumn();
        totals.AddTextRow("pages", string.Create(CultureInfo.InvariantCulture, $"{summary.Documents} ({summary.Errors} failed, scored 0)"));
        totals.AddTextRow("benchmark (mean P, mean R, their F1)", $"precision {TextFormat.Measure(summary.Precision)}  recall {TextFormat.Measure(summary.Recall)}  F1 {TextFormat.Measure(summary.F1)}");
        totals.AddTextRow("macro (mean per-page F1)", $"F1 {TextFormat.Measure(summary.MacroF1)}");
        totals.AddTextRow("micro (all shingles pooled)", $"precision {TextFormat.Measure(summary.MicroPrecision)}  recall {TextFormat.Measure(summary.MicroRecall)}  F1 {TextFormat.Measure(summary.MicroF1)}");
        console.Write(totals);
    }
}
