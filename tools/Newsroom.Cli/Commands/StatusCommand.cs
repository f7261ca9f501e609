using System.CommandLine;
using Newsroom.Cli.Output;
using Newsroom.Contracts.V1;
using Spectre.Console;

namespace Newsroom.Cli.Commands;

internal static class StatusCommand
{
    public static Command Create(CommandContext context)
    {
        var id = new Argument<string>("article-id") { Description = "The article id that ingest returned" };
        var command = new Command("status", "How far an article has gone through the pipeline, and the id of its trace") { id };
        command.SetAction((result, cancellationToken) => context.RunRemoteAsync(result, async client =>
        {
            var status = await client.GetArticleStatusAsync(new GetArticleStatusRequest { ArticleId = result.GetRequiredValue(id) }, cancellationToken).ConfigureAwait(false);
            if (context.Json(result))
            {
                JsonOutput.Write(context.Environment, status);
            }
            else
            {
                Render(context.Environment.Out, status);
            }

            return ExitCodes.Success;
        }, notFoundHint: "no article has this id yet; use the id `newsroom ingest` printed, and retry in a moment if it was just sent"));
        return command;
    }

    private static void Render(IAnsiConsole console, ArticleStatus status)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddTextRow("article", status.ArticleId);
        grid.AddTextRow("stage", Stage(status.Stage));
        grid.AddTextRow("story", status.StoryId.Length > 0 ? status.StoryId : "-");
        grid.AddTextRow("title", status.Title);
        grid.AddTextRow("source", status.Source);
        grid.AddTextRow("url", status.Url);
        grid.AddTextRow("ingested", TextFormat.Time(status.IngestedAt));
        grid.AddTextRow("extracted", TextFormat.Time(status.ExtractedAt));
        grid.AddTextRow("clustered", TextFormat.Time(status.ClusteredAt));
        grid.AddTextRow("indexed", TextFormat.Time(status.IndexedAt));
        // The id to look the article up by in a tracing backend (Jaeger, Tempo, ...), which shows
        // its path through every service.
        grid.AddTextRow("trace", status.TraceId.Length > 0 ? status.TraceId : "-");
        console.Write(grid);
    }

    private static string Stage(PipelineStage stage) => stage switch
    {
        PipelineStage.Ingested => "ingested",
        PipelineStage.Extracted => "extracted",
        PipelineStage.Clustered => "clustered",
        PipelineStage.Indexed => "indexed",
        _ => "unknown",
    };
}
