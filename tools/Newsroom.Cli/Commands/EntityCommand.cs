using System.CommandLine;
using Newsroom.Cli.Output;
using Newsroom.Contracts.V1;
using Spectre.Console;
using static Newsroom.Cli.Output.TableExtensions;

namespace Newsroom.Cli.Commands;

internal static class EntityCommand
{
    public static Command Create(CommandContext context)
    {
        var entity = new Argument<string>("entity") { Description = "An entity id, or any name or alias, for example \"KH\"" };
        var command = new Command("entity", "An entity with its aliases and mention counts") { entity };
        command.SetAction((result, cancellationToken) => context.RunRemoteAsync(result, async client =>
        {
            var found = await client.GetEntityAsync(new GetEntityRequest { Entity = result.GetRequiredValue(entity) }, cancellationToken).ConfigureAwait(false);
            if (context.Json(result))
            {
                JsonOutput.Write(context.Environment, found);
            }
            else
            {
                Render(context.Environment.Out, found);
            }

            return ExitCodes.Success;
        }, notFoundHint: "no entity has this id, name or alias; check the spelling, or find it with `newsroom search <words>`"));
        return command;
    }

    private static void Render(IAnsiConsole console, Entity entity)
    {
        var header = new Grid().AddColumn().AddColumn();
        header.AddTextRow("entity", $"{entity.CanonicalName} ({TextFormat.EntityType(entity.Type)})");
        header.AddTextRow("id", entity.EntityId);
        header.AddTextRow("mentions", $"{entity.MentionCount} in {entity.StoryCount} stories");
        header.AddTextRow("seen", $"{TextFormat.Time(entity.FirstSeen)} to {TextFormat.Time(entity.LastSeen)}");
        console.Write(header);

        var aliases = new Table().WithColumns(Column("alias"), Column("mentions"));
        foreach (var alias in entity.Aliases)
        {
            aliases.AddTextRow(alias.Text, alias.MentionCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(aliases);
    }
}
