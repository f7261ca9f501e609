using System.CommandLine;
using Newsroom.Cli.Output;
using Newsroom.Contracts.V1;
using Spectre.Console;
using static Newsroom.Cli.Output.TableExtensions;

namespace Newsroom.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create(CommandContext context)
    {
        var words = new Argument<string[]>("words") { Description = "Words to search for", Arity = ArgumentArity.OneOrMore };
        var filter = new StoryFilterOptions();
        var limit = LimitOptions.Create("At most this many hits (default 20, at most 100)", maximum: 100);
        var pageToken = new Option<string?>("--page-token") { Description = "Continue from a previous search's next page token" };

        var command = new Command("search", "Full-text search over stories, best first") { words, limit, pageToken };
        filter.AddTo(command);
        command.SetAction((result, cancellationToken) => context.RunRemoteAsync(result, async client =>
        {
            var request = new SearchStoriesRequest
            {
                Query = string.Join(' ', result.GetRequiredValue(words)),
                Filter = filter.Read(result),
                PageSize = result.GetValue(limit) ?? 0,
                PageToken = result.GetValue(pageToken) ?? "",
            };
            var response = await client.SearchStoriesAsync(request, cancellationToken).ConfigureAwait(false);
            if (context.Json(result))
            {
                JsonOutput.Write(context.Environment, response);
            }
            else
            {
                Render(context.Environment.Out, response);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Render(IAnsiConsole console, SearchStoriesResponse response)
    {
        if (response.Hits.Count == 0)
        {
            console.WriteLine("No stories match.");
            return;
        }

        var table = new Table().WithColumns(Column("score"), IdColumn("story"), Column("title"), Column("sources"), Column("snippets"));
        foreach (var hit in response.Hits)
        {
            table.AddTextRow(
                TextFormat.Score(hit.Score),
                hit.Story.StoryId,
                hit.Story.Title,
                string.Join(", ", hit.Story.Sources),
                string.Join(Environment.NewLine, hit.Snippets));
        }

        console.Write(table);
        console.WriteLine(response.TotalSizeCapped
            ? $"{response.Hits.Count} of the {response.TotalSize} newest matching stories: more match; add words or a filter to rank them all."
            : $"{response.Hits.Count} of {response.TotalSize} stories.");
        if (response.NextPageToken.Length > 0)
        {
            console.WriteLine($"More: --page-token {response.NextPageToken}");
        }
    }
}
