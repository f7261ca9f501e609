using System.CommandLine;
using Newsroom.Cli.Output;
using Newsroom.Contracts.V1;
using Grpc.Core;
using Spectre.Console;

namespace Newsroom.Cli.Commands;

internal static class WatchCommand
{
    public static Command Create(CommandContext context)
    {
        var filter = new StoryFilterOptions();
        var command = new Command("watch", "Print new and updated stories as they happen, until Ctrl+C");
        filter.AddTo(command);
        command.SetAction((result, cancellationToken) => context.RunRemoteAsync(result, async client =>
        {
            var json = context.Json(result);
            using var call = client.WatchStories(new WatchStoriesRequest { Filter = filter.Read(result) }, cancellationToken);
            try
            {
                // The response headers say the server took the call; only then is "watching" true. On stderr, also
                // with --json, so that a script can wait for it without it mixing into the JSON.
                await call.ResponseHeadersAsync.ConfigureAwait(false);
                context.Environment.Error.Profile.Out.Writer.WriteLine("Watching for story updates; Ctrl+C to stop.");

                await foreach (var update in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (json)
                    {
                        JsonOutput.Write(context.Environment, update);
                    }
                    else
                    {
                        context.Environment.Out.WriteLine(Describe(update));
                    }
                }
            }
            catch (Exception e) when (e is RpcException or OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C is how a watch ends: not an error.
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>"created 3f2a (v1, 1 article) Title: lead event [article a1]".</summary>
    private static string Describe(StoryUpdate update)
    {
        var story = update.Story ?? new StorySummary();
        var kind = update.Kind switch
        {
            StoryUpdate.Types.Kind.Created => "created",
            StoryUpdate.Types.Kind.Updated => "updated",
            _ => "changed",
        };
        var articles = story.ArticleCount == 1 ? "1 article" : $"{story.ArticleCount} articles";
        return $"{kind} {story.StoryId} (v{story.Version}, {articles}, {string.Join(", ", story.Sources)}) {story.Title}: {TextFormat.Event(story.LeadEvent)} [article {update.ArticleId}]";
    }
}
