using System.CommandLine;
using Newsroom.Cli.Output;
using Newsroom.Contracts.V1;
using Spectre.Console;
using static Newsroom.Cli.Output.TableExtensions;

namespace Newsroom.Cli.Commands;

internal static class TimelineCommand
{
    public static Command Create(CommandContext context)
    {
        var entity = new Argument<string>("entity") { Description = "An entity id, or any name or alias" };
        var after = DateOptions.Create("--after", "Only events at or after this time");
        var before = DateOptions.Create("--before", "Only events before this time");
        var limit = LimitOptions.Create("At most this many events (at most 1000)", maximum: 1000);
        var pageToken = new Option<string?>("--page-token") { Description = "Continue from a previous timeline's next page token" };

        var command = new Command("timeline", "The events an entity took part in, oldest first") { entity, after, before, limit, pageToken };
        command.SetAction((result, cancellationToken) => context.RunRemoteAsync(result, async client =>
        {
            var request = new GetEntityTimelineRequest
            {
                Entity = result.GetRequiredValue(entity),
                After = DateOptions.ToTimestamp(result.GetValue(after)),
                Before = DateOptions.ToTimestamp(result.GetValue(before)),
                PageSize = result.GetValue(limit) ?? 0,
                PageToken = result.GetValue(pageToken) ?? "",
            };
            var response = await client.GetEntityTimelineAsync(request, cancellationToken).ConfigureAwait(false);
            if (context.Json(result))
            {
                JsonOutput.Write(context.Environment, response);
            }
            else
            {
                Render(context.Environment.Out, response);
            }

            return ExitCodes.Success;
        }, notFoundHint: "no entity has this id, name or alias; check the spelling, or try `newsroom entity <name>`"));
        return command;
    }

    private static void Render(IAnsiConsole console, GetEntityTimelineResponse response)
    {
        if (response.Entity is { } entity)
        {
            console.WriteLine($"{entity.Name} ({TextFormat.EntityType(entity.Type)}) {entity.EntityId}");
        }

        if (response.Events.Count == 0)
        {
            console.WriteLine("No events.");
            return;
        }

        var table = new Table().WithColumns(Column("occurred"), Column("role"), Column("event"), IdColumn("story"), Column("story title"));
        foreach (var item in response.Events)
        {
            table.AddTextRow(
                item.Event?.Date is { Length: > 0 } date ? date : item.Occurred is null ? "unknown" : TextFormat.Time(item.Occurred),
                item.Role switch
                {
                    TimelineEvent.Types.Role.Actor => "actor",
                    TimelineEvent.Types.Role.Target => "target",
                    _ => "-",
                },
                TextFormat.Event(item.Event),
                item.StoryId,
                item.StoryTitle);
        }

        console.Write(table);
        if (response.NextPageToken.Length > 0)
        {
            console.WriteLine($"More: --page-token {response.NextPageToken}");
        }
    }
}
