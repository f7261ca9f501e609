using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Newsroom.Cli.Bench;
using Newsroom.Cli.Output;
using Spectre.Console;
using static Newsroom.Cli.Output.TableExtensions;

namespace Newsroom.Cli.Commands;

internal static class BenchCommand
{
    public static Command Create(CommandContext context)
    {
        var articles = new Option<int>("--articles") { Description = "How many articles to send", DefaultValueFactory = _ => 1000 };
        var rate = new Option<double?>("--rate") { Description = "Articles per second to send at (default: as fast as ingest takes them)" };
        var concurrency = new Option<int>("--concurrency") { Description = "SubmitArticles calls open at once", DefaultValueFactory = _ => 4 };
        var input = new Option<string?>("--input") { Description = "A .jsonl file or folder of articles to send, repeated as needed (default: synthetic news)" };
        var seed = new Option<int?>("--seed") { Description = "Names the run: the same seed sends the same articles again (default: random)" };
        var ingestServer = new Option<string?>("--ingest")
        {
            Description = "The ingest service's gRPC address when it is not --server's (compose: http://localhost:5001); --server is query's",
        };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait, after the last article is sent, for all to be queryable", DefaultValueFactory = _ => 300 };
        ingestServer.Validators.Add(GlobalOptions.ValidateAddress);
        articles.Validators.Add(r => Positive(r, "--articles"));
        concurrency.Validators.Add(r => Positive(r, "--concurrency"));
        timeout.Validators.Add(r => Positive(r, "--timeout"));
        rate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is <= 0)
            {
                r.AddError("--rate must be above 0 articles per second; leave it out to send as fast as ingest takes them.");
            }
        });
        var command = new Command(
            "bench",
            "Send articles through a running deployment and report articles/s, per-stage rates and the send-to-queryable latency")
        {
            articles, rate, concurrency, input, seed, ingestServer, timeout,
        };
        command.SetAction((result, cancellationToken) => context.RunRemoteAsync(result, async client =>
        {
            var runSeed = result.GetValue(seed) ?? Random.Shared.Next(1, int.MaxValue);
            var count = result.GetValue(articles);
            var load = result.GetValue(input) is { } path
                ? CorpusLoad.Articles(path, count, runSeed)
                : new SyntheticNews(runSeed).Articles(count);
            using var separateIngest = result.GetValue(ingestServer) is { } address
                ? new NewsroomClient(new ServerConnection(address, result.GetValue(context.Options.ApiKey), result.GetValue(context.Options.CaCertificate)))
                : null;
            var run = new LoadRun(separateIngest ?? client, client, result.GetValue(rate), result.GetValue(concurrency), TimeSpan.FromSeconds(result.GetValue(timeout)));
            var report = await ItemProgress.RunAsync(context.Environment.Error, "articles sent", "articles queryable", count, lineEvery: 500, progress =>
            {
                var gate = new Lock();
                return run.RunAsync(
                    load,
                    () =>
                    {
                        lock (gate)
                        {
                            progress.AdvanceFirst();
                        }
                    },
                    queryable =>
                    {
                        lock (gate)
                        {
                            while (progress.Second < queryable)
                            {
                                progress.AdvanceSecond(progress.First);
                            }
                        }
                    },
                    cancellationToken);
            }).ConfigureAwait(false);

            Write(context, result, report, runSeed);
            if (report.Missing.Count > 0)
            {
                throw new CommandFailedException(
                    $"{report.Missing.Count} of {report.Accepted} accepted articles were not queryable {result.GetValue(timeout)} s after the last was sent (first: {report.Missing[0]})",
                    $"run `newsroom status {report.Missing[0]}` to see the stage it stopped at, check the services' logs and _error queues, or give a longer --timeout");
            }
            return report.Rejected > 0 ? ExitCodes.Failure : ExitCodes.Success;
        }));
        command.Subcommands.Add(CreateSearch(context));
        return command;
    }

    private static Command CreateSearch(CommandContext context)
    {
        var searches = new Option<int>("--searches") { Description = "How many searches to send", DefaultValueFactory = _ => 2000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Searches in flight at once", DefaultValueFactory = _ => 4 };
        var words = new Option<string?>("--words")
        {
            Description = "A file of words to search for, one a line, most frequent first (fill-query-index writes one; default: the words of the newest story titles)",
        };
        var seed = new Option<int?>("--seed") { Description = "Names the run: the same seed sends the same searches again (default: random)" };
        searches.Validators.Add(r => Positive(r, "--searches"));
        concurrency.Validators.Add(r => Positive(r, "--concurrency"));
        words.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } path && !File.Exists(path))
            {
                r.AddError($"--words: {path} is not a file; give a file of words, one a line.");
            }
        });
        var command = new Command("search", "Send searches to the query service and report searches/s and the latency of its answers")
        {
            searches, concurrency, words, seed,
        };
        command.SetAction((result, cancellationToken) => context.RunRemoteAsync(result, async client =>
        {
            var runSeed = result.GetValue(seed) ?? Random.Shared.Next(1, int.MaxValue);
            var count = result.GetValue(searches);
            var vocabulary = result.GetValue(words) is { } path
                ? SearchQueries.FromFile(path)
                : await SearchQueries.FromTitlesAsync(client, cancellationToken).ConfigureAwait(false);
            if (vocabulary.Count == 0)
            {
                throw new CommandFailedException("there are no words to search for", "ingest articles first (the default words come from story titles), or give --words with a file of words");
            }
            var load = new SearchLoad(client, result.GetValue(concurrency));
            var report = await ItemProgress.RunAsync(context.Environment.Error, "searches answered", "with hits", count, lineEvery: 500, progress =>
            {
                var gate = new Lock();
                return load.RunAsync(SearchQueries.Create(vocabulary, count, runSeed), found =>
                {
                    lock (gate)
                    {
                        if (found)
                        {
                            progress.AdvanceSecond(progress.First + 1);
                        }
                        progress.AdvanceFirst();
                    }
                }, cancellationToken);
            }).ConfigureAwait(false);

            WriteSearch(context, result, report, runSeed, vocabulary.Count);
            if (report.Failed > 0)
            {
                throw new CommandFailedException(
                    $"{report.Failed} of {report.Searches} searches failed (first: {report.Failures[0]})",
                    "check the query service's log; a DEADLINE_EXCEEDED or RESOURCE_EXHAUSTED means it is overloaded, so try a lower --concurrency");
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Positive(System.CommandLine.Parsing.OptionResult result, string name)
    {
        if (result.GetValueOrDefault<int>() <= 0)
        {
            result.AddError($"{name} must be a whole number above 0.");
        }
    }

    private static void Write(CommandContext context, ParseResult result, LoadReport report, int seed)
    {
        if (context.Json(result))
        {
            context.Environment.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new { seed, report }, BenchJson));
            return;
        }
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddTextRow("run seed", Number(seed));
        summary.AddTextRow("articles", $"{Number(report.Articles)} sent: {Number(report.Accepted)} accepted, {Number(report.Duplicates)} duplicates, {Number(report.Rejected)} rejected");
        summary.AddTextRow("queryable", $"{Number(report.Queryable)} in {Number(report.Stories)} stories, {Number(report.Seconds, "0.0")} s after the first was sent");
        summary.AddTextRow("end to end", $"{Number(report.QueryablePerSecond, "0.0")} articles/s (sent at {Number(report.SentPerSecond, "0.0")}/s)");
        summary.AddTextRow("send to queryable", $"p50 {Ms(report.Latency.P50)}, p90 {Ms(report.Latency.P90)}, p99 {Ms(report.Latency.P99)}, max {Ms(report.Latency.Max)}");
        if (report.WatchDrops > 0)
        {
            summary.AddTextRow(
                "watch",
                $"dropped {Number(report.WatchDrops)} times by the server for falling behind, and opened again; the articles it missed were found by status, " +
                "later than they became queryable, so the latencies are upper bounds (raise Query:Watch:Buffer on the server, or run the bench on another machine)");
        }
        context.Environment.Out.Write(summary);
        if (report.Stages.Count > 0)
        {
            var stages = new Table().WithColumns(Column("stage"), Column("articles/s"), Column("median wait after the previous stage"));
            foreach (var stage in report.Stages)
            {
                stages.AddTextRow(stage.Stage, Number(stage.PerSecond, "0.0"), stage.Stage == "ingested" ? "-" : Ms(stage.MedianDelayMs));
            }
            context.Environment.Out.Write(stages);
        }
    }

    private static void WriteSearch(CommandContext context, ParseResult result, SearchReport report, int seed, int words)
    {
        if (context.Json(result))
        {
            context.Environment.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new { seed, words, report }, BenchJson));
            return;
        }
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddTextRow("run seed", Number(seed));
        summary.AddTextRow("searches", $"{Number(report.Searches)} over {Number(words)} words: {Number(report.WithHits)} with hits ({Number(report.MeanHits, "0.0")} stories on average, {Number(report.Capped)} matching more than the service ranks), {Number(report.Failed)} failed");
        summary.AddTextRow("rate", $"{Number(report.SearchesPerSecond, "0.0")} searches/s in {Number(report.Seconds, "0.0")} s");
        summary.AddTextRow("latency", Latency(report.Latency));
        if (report.Capped > 0 && report.Capped < report.Searches - report.Failed)
        {
            summary.AddTextRow("  capped", Latency(report.CappedLatency));
            summary.AddTextRow("  others", Latency(report.UncappedLatency));
        }
        foreach (var (slow, k) in report.Slowest.Select((slow, k) => (slow, k)))
        {
            summary.AddTextRow(k == 0 ? "slowest" : "", $"{Ms(slow.Milliseconds)}: '{slow.Query}', {Number(slow.Hits)} stories{(slow.Capped ? " (capped)" : "")}");
        }
        context.Environment.Out.Write(summary);
    }

    private static string Latency(LatencySummary latency) =>
        $"p50 {Ms(latency.P50)}, p90 {Ms(latency.P90)}, p99 {Ms(latency.P99)}, max {Ms(latency.Max)}";

    private static readonly JsonSerializerOptions BenchJson = new(JsonOutput.Readable) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static string Number(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Ms(double milliseconds) => milliseconds switch
    {
        >= 1000 => (milliseconds / 1000).ToString("0.00 's'", CultureInfo.InvariantCulture),
        >= 10 => milliseconds.ToString("0 'ms'", CultureInfo.InvariantCulture),
        _ => milliseconds.ToString("0.0 'ms'", CultureInfo.InvariantCulture),
    };
}
