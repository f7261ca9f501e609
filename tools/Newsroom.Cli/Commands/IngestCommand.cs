using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Newsroom.Cli.Ingest;
using Newsroom.Cli.Output;
using Newsroom.Contracts.V1;
using Newsroom.Ingest;
using Spectre.Console;
using static Newsroom.Cli.Output.TableExtensions;

namespace Newsroom.Cli.Commands;

internal static class IngestCommand
{
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(30);

    // A batch stays well below the server's 4 MiB message limit per article and its call short.
    private const int BatchSize = 100;
    private const int BatchBytes = 8 * 1024 * 1024;

    public static Command Create(CommandContext context)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files, folders (searched recursively for .txt, .html, .html.gz, .json, .jsonl) and http(s) URLs",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("ingest", "Send articles to the ingest service and report what became of each") { inputs };
        command.SetAction((result, cancellationToken) => context.RunRemoteAsync(result, async client =>
        {
            var expanded = IngestInputReader.Expand(result.GetRequiredValue(inputs));
            using var http = new HttpClient { Timeout = FetchTimeout };
            var reader = new IngestInputReader(http);

            var response = await ItemProgress.RunAsync(context.Environment.Error, "inputs read", "articles sent", expanded.Count, lineEvery: 100,
                progress => SendAsync(client, reader, expanded, progress, cancellationToken)).ConfigureAwait(false);

            if (context.Json(result))
            {
                JsonOutput.Write(context.Environment, response);
            }
            else
            {
                Render(context.Environment.Out, response);
            }

            return response.RejectedCount > 0 ? ExitCodes.Failure : ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// Sends the articles in batches, one SubmitArticles call each with its own deadline, and
    /// merges the server's results with the inputs that could not be read, in input order. A batch
    /// is read before its call opens, so a slow URL never holds a call open, and inputs that give
    /// no article need no server.
    /// </summary>
    private static async Task<SubmitArticlesResponse> SendAsync(
        NewsroomClient client, IngestInputReader reader, IReadOnlyList<string> inputs, ItemProgress progress, CancellationToken cancellationToken)
    {
        // Each entry is a local failure, or null for "the next server result".
        var order = new List<IngestItem?>();
        var server = new SubmitArticlesResponse();
        var batch = new List<SubmitArticleRequest>();
        var batchBytes = 0;
        var queued = 0;

        async Task SendBatchAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            var response = await client.SubmitBatchAsync(batch, () => progress.AdvanceSecond(queued), cancellationToken).ConfigureAwait(false);
            server.Results.AddRange(response.Results);
            server.AcceptedCount += response.AcceptedCount;
            server.DuplicateCount += response.DuplicateCount;
            server.RejectedCount += response.RejectedCount;
            batch.Clear();
            batchBytes = 0;
        }

        foreach (var input in inputs)
        {
            var items = await reader.ReadAsync(input, cancellationToken).ConfigureAwait(false);
            progress.AdvanceFirst();
            foreach (var item in items)
            {
                if (item.Article is null)
                {
                    order.Add(item);
                    continue;
                }

                var request = ToRequest(item.Article);
                batch.Add(request);
                batchBytes += request.CalculateSize();
                order.Add(null);
                queued++;
                if (batch.Count >= BatchSize || batchBytes >= BatchBytes)
                {
                    await SendBatchAsync().ConfigureAwait(false);
                }
            }
        }

        await SendBatchAsync().ConfigureAwait(false);
        return Merge(order, server);
    }

    private static SubmitArticlesResponse Merge(List<IngestItem?> order, SubmitArticlesResponse server)
    {
        var merged = new SubmitArticlesResponse
        {
            AcceptedCount = server.AcceptedCount,
            DuplicateCount = server.DuplicateCount,
            RejectedCount = server.RejectedCount,
        };
        var next = 0;
        foreach (var entry in order)
        {
            if (entry is null)
            {
                if (next < server.Results.Count)
                {
                    merged.Results.Add(server.Results[next++]);
                }

                continue;
            }

            merged.Results.Add(new SubmitArticleResult
            {
                ClientRef = entry.Ref,
                Outcome = SubmitArticleResult.Types.Outcome.Rejected,
                Reason = entry.Error ?? "",
            });
            merged.RejectedCount++;
        }

        return merged;
    }

    public static SubmitArticleRequest ToRequest(RawArticle article)
    {
        var request = new SubmitArticleRequest
        {
            ClientRef = article.ClientRef,
            Url = article.Url ?? "",
            Source = article.Source ?? "",
            Title = article.Title ?? "",
            Published = article.Published is { } published ? Timestamp.FromDateTimeOffset(published) : null,
        };
        if (article.Html is not null)
        {
            request.Html = article.Html;
        }
        else
        {
            request.Text = article.Text ?? "";
        }

        return request;
    }

    private static void Render(IAnsiConsole console, SubmitArticlesResponse response)
    {
        var counts = new Table().WithColumns(Column("accepted"), Column("duplicate"), Column("rejected"));
        counts.AddTextRow(
            response.AcceptedCount.ToString(CultureInfo.InvariantCulture),
            response.DuplicateCount.ToString(CultureInfo.InvariantCulture),
            response.RejectedCount.ToString(CultureInfo.InvariantCulture));
        console.Write(counts);

        if (response.Results.Count == 0)
        {
            return;
        }

        var items = new Table().WithColumns(Column("item"), Column("outcome"), IdColumn("article"), Column("reason"));
        foreach (var item in response.Results)
        {
            items.AddTextRow(item.ClientRef, Outcome(item.Outcome), item.ArticleId, item.Reason);
        }

        console.Write(items);
    }

    private static string Outcome(SubmitArticleResult.Types.Outcome outcome) => outcome switch
    {
        SubmitArticleResult.Types.Outcome.Accepted => "accepted",
        SubmitArticleResult.Types.Outcome.Duplicate => "duplicate",
        SubmitArticleResult.Types.Outcome.Rejected => "rejected",
        _ => "unknown",
    };
}
