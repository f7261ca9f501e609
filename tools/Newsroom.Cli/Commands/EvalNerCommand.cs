using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Newsroom.Cli.Eval;
using Newsroom.Cli.Output;
using Newsroom.Extraction.Tagging;
using Spectre.Console;
using static Newsroom.Cli.Output.TableExtensions;

namespace Newsroom.Cli.Commands;

/// <summary>`newsroom eval ner`: the entity tagger on a CoNLL-format file, scored strictly per type.</summary>
internal static class EvalNerCommand
{
    public static Command Create(CommandContext context)
    {
        var conll = new Option<string>("--conll")
        {
            Description = "CoNLL-2003 columns: token first, gold IOB tag last, a blank line between sentences, -DOCSTART- between documents",
            Required = true,
        };
        var predictions = new Option<string?>("--predictions") { Description = "Write the input lines with the predicted tag appended as a last column (conlleval reads it)" };
        var model = new Option<string?>("--model") { Description = "A model from `newsroom train tagger` instead of the one this build ships" };
        var gazetteer = new Option<string?>("--gazetteer") { Description = "The gazetteer that model was trained with (default: the shipped one)" };
        var command = new Command("ner", "Tag a CoNLL-format file's tokens as they are, and print strict name precision, recall and F1 per type")
        {
            conll,
            predictions,
            model,
            gazetteer,
        };
        command.SetAction((result, cancellationToken) => CommandExecution.RunAsync(context.Environment, string.Empty, async () =>
        {
            var path = result.GetRequiredValue(conll);
            var documents = ConllReader.Read(path);
            var tagger = Tagger(result.GetValue(model), result.GetValue(gazetteer));
            var clock = Stopwatch.StartNew();
            var evaluation = await ItemProgress.RunAsync(context.Environment.Error, "documents read", "documents tagged", documents.Count, lineEvery: 100, progress =>
                Task.Run(() => NerEvaluation.Run(tagger, documents, _ =>
                {
                    progress.AdvanceFirst();
                    progress.AdvanceSecond(progress.First);
                }, cancellationToken), cancellationToken)).ConfigureAwait(false);
            var elapsed = clock.Elapsed;
            if (result.GetValue(predictions) is { } predictionsPath)
            {
                WritePredictions(path, predictionsPath, evaluation.Predicted);
            }

            Report(context, result, evaluation, elapsed);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static EntityTagger Tagger(string? modelPath, string? gazetteerPath)
    {
        try
        {
            if (modelPath is null)
            {
                return gazetteerPath is null ? TaggerModelFiles.Shipped : throw new CommandFailedException("--gazetteer needs --model", "pass --model with the model trained with that gazetteer");
            }

            var gazetteer = gazetteerPath is null ? TaggerModelFiles.ShippedGazetteer : TaggerModelFiles.ReadGazetteer(gazetteerPath);
            return TaggerModelFiles.ReadTagger(modelPath, gazetteer);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw new CommandFailedException(e.Message, "pass --model with a file written by `newsroom train tagger`");
        }
    }

    /// <summary>Each input line with the predicted tag appended; -DOCSTART- lines get O, as conlleval expects of every non-blank line.</summary>
    private static void WritePredictions(string inputPath, string outputPath, List<string> predicted)
    {
        using var writer = new StreamWriter(outputPath);
        var next = 0;
        foreach (var line in File.ReadLines(inputPath))
        {
            var columns = ConllReader.Columns(line);
            if (columns.Length == 0)
            {
                writer.WriteLine(line);
            }
            else
            {
                var separator = line.Contains('\t', StringComparison.Ordinal) ? "\t" : " ";
                writer.WriteLine(line.TrimEnd() + separator + (columns[0] == ConllReader.DocumentStart ? EntityTags.Outside : predicted[next++]));
            }
        }
    }

    private static void Report(CommandContext context, ParseResult result, NerEvaluation evaluation, TimeSpan elapsed)
    {
        var rows = evaluation.ByType.Keys.Order(StringComparer.Ordinal)
            .Select(type => (Name: type, Score: evaluation.ByType[type]))
            .Append((Name: "PER+ORG+LOC", Score: evaluation.Over(NerEvaluation.MainTypes)))
            .Append((Name: "all", Score: evaluation.Over(evaluation.ByType.Keys)))
            .ToList();
        var tokensPerSecond = evaluation.Tokens / Math.Max(elapsed.TotalSeconds, 1e-6);
        if (context.Json(result))
        {
            context.Environment.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["documents"] = evaluation.Documents,
                ["tokens"] = evaluation.Tokens,
                ["tokens_per_second"] = Math.Round(tokensPerSecond),
                ["scores"] = rows.ToDictionary(r => r.Name, r => new Dictionary<string, object>
                {
                    ["precision"] = Math.Round(r.Score.Precision, 4),
                    ["recall"] = Math.Round(r.Score.Recall, 4),
                    ["f1"] = Math.Round(r.Score.F1, 4),
                    ["gold"] = r.Score.TruePositives + r.Score.FalseNegatives,
                    ["predicted"] = r.Score.TruePositives + r.Score.FalsePositives,
                }),
            }));
            return;
        }

        var table = new Table().WithColumns(Column("type"), Column("precision"), Column("recall"), Column("F1"), Column("gold"), Column("predicted"));
        foreach (var (name, score) in rows)
        {
            table.AddTextRow(
                name,
                score.Precision.ToString("F3", CultureInfo.InvariantCulture),
                score.Recall.ToString("F3", CultureInfo.InvariantCulture),
                score.F1.ToString("F3", CultureInfo.InvariantCulture),
                (score.TruePositives + score.FalseNegatives).ToString(CultureInfo.InvariantCulture),
                (score.TruePositives + score.FalsePositives).ToString(CultureInfo.InvariantCulture));
        }

        context.Environment.Out.Write(table);
        context.Environment.Out.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{evaluation.Documents} documents, {evaluation.Tokens} tokens, {tokensPerSecond:F0} tokens/s (one thread, features and tagging)"));
    }
}
