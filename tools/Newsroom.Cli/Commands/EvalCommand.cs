using System.CommandLine;

namespace Newsroom.Cli.Commands;

/// <summary>`newsroom eval`: measures a stage of the pipeline on labelled data.</summary>
internal static class EvalCommand
{
    public static Command Create(CommandContext context) => new("eval", "Measure a stage of the pipeline on labelled data")
    {
        EvalNerCommand.Create(context),
    };
}
