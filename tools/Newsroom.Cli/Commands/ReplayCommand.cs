using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Newsroom.Cli.Output;
using Newsroom.Cli.Replay;
using Spectre.Console;
using static Newsroom.Cli.Output.TableExtensions;

namespace Newsroom.Cli.Commands;

internal static class ReplayCommand
{
    public static Command Create(CommandContext context)
    {
        var input = new Option<string>("--input")
        {
            Description = "A .jsonl file (\"id\" or \"doc_id\", and \"text\" or \"html\"; optional \"title\", \"url\", \"source\", \"published\") or a folder of article files",
            Required = true,
        };
        var output = new Option<string>("--output") { Description = "The .jsonl file to write, one line per input article", Required = true };
        var command = new Command("replay", "Run ingest, extraction and dedup in this process, without a bus or server, for backfills and evaluation")
        {
            input,
            output,
        };
        command.SetAction((result, cancellationToken) => CommandExecution.RunAsync(context.Environment, result.GetRequiredValue(context.Options.Server), async () =>
        {
            var inputPath = result.GetRequiredValue(input);
            var outputPath = result.GetRequiredValue(output);
            var inputs = ReplayInputReader.Read(inputPath);
            var summary = await ItemProgress.RunAsync(context.Environment.Error, "articles read", "articles written", ReplayInputReader.CountHint(inputPath), lineEvery: 100,
                progress => Task.Run(() => Replay(inputs, outputPath, progress, cancellationToken), cancellationToken)).ConfigureAwait(false);
            Report(context, result, outputPath, summary);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static ReplaySummary Replay(IEnumerable<ReplayInput> inputs, string outputPath, ItemProgress progress, CancellationToken cancellationToken)
    {
        var summary = new ReplaySummary();
        // Each article's story as it stands: a merge moves earlier articles into a later one's story.
        var stories = new Dictionary<string, string>(StringComparer.Ordinal);
        using var pipeline = new ReplayPipeline(TimeProvider.System);
        using var writer = new ReplayOutputWriter(OpenOutput(outputPath));
        // The rate counts from the first article: loading the model is start-up, paid once per run.
        var started = Stopwatch.GetTimestamp();
        var counted = inputs.Select(item =>
        {
            progress.AdvanceFirst();
            return item;
        });
        foreach (var outcome in pipeline.Run(counted, cancellationToken))
        {
            writer.Write(outcome);
            progress.AdvanceSecond(progress.First);
            summary.Articles++;
            if (outcome.StoryId is { } story)
            {
                stories[outcome.Id] = story;
                foreach (var moved in outcome.Moved)
                {
                    stories[moved.Article.Article.ArticleId] = moved.StoryId;
                }
            }
            else
            {
                summary.Rejected++;
            }
        }

        summary.Stories = stories.Values.Distinct(StringComparer.Ordinal).Count();
        summary.Elapsed = Stopwatch.GetElapsedTime(started);
        return summary;
    }

    private static FileStream OpenOutput(string path)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            return File.Create(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"cannot write the replay output '{path}': {exception.Message}", "pass --output with a file path you can write");
        }
    }

    private static void Report(CommandContext context, System.CommandLine.ParseResult result, string outputPath, ReplaySummary summary)
    {
        if (context.Json(result))
        {
            context.Environment.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["output"] = outputPath,
                ["articles"] = summary.Articles,
                ["stories"] = summary.Stories,
                ["rejected"] = summary.Rejected,
                ["seconds"] = Math.Round(summary.Elapsed.TotalSeconds, 3),
                ["articles_per_second"] = Math.Round(summary.ArticlesPerSecond, 1),
            }));
            return;
        }

        var table = new Table().WithColumns(Column("articles"), Column("stories"), Column("rejected"), Column("seconds"), Column("articles/s"), Column("output"));
        table.AddTextRow(
            summary.Articles.ToString(CultureInfo.InvariantCulture),
            summary.Stories.ToString(CultureInfo.InvariantCulture),
            summary.Rejected.ToString(CultureInfo.InvariantCulture),
            summary.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture),
            summary.ArticlesPerSecond.ToString("0", CultureInfo.InvariantCulture),
            outputPath);
        context.Environment.Out.Write(table);
    }

    private sealed class ReplaySummary
    {
        public int Articles { get; set; }

        public int Stories { get; set; }

        public int Rejected { get; set; }

        public TimeSpan Elapsed { get; set; }

        public double ArticlesPerSecond => Elapsed > TimeSpan.Zero ? Articles / Elapsed.TotalSeconds : 0;
    }
}
