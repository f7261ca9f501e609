using System.CommandLine;
using Newsroom.Cli.Output;
using Newsroom.Contracts.V1;
using Spectre.Console;
using static Newsroom.Cli.Output.TableExtensions;

namespace Newsroom.Cli.Commands;

internal static class StoryCommand
{
    public static Command Create(CommandContext context)
    {
        var id = new Argument<string>("id") { Description = "The story id, as search and watch show it" };
        var command = new Command("story", "A story with every source article and why each joined") { id };
        command.SetAction((result, cancellationToken) => context.RunRemoteAsync(result, async client =>
        {
            var storyId = result.GetRequiredValue(id);
            var story = await client.GetStoryAsync(new GetStoryRequest { StoryId = storyId }, cancellationToken).ConfigureAwait(false);
            if (context.Json(result))
            {
                JsonOutput.Write(context.Environment, story);
            }
            else
            {
                if (story.Summary is { } summary && summary.StoryId != storyId)
                {
                    context.Environment.Out.WriteLine($"{storyId} was merged into {summary.StoryId}:");
                }

                Render(context.Environment.Out, story);
            }

            return ExitCodes.Success;
        }, notFoundHint: "no story has this id; `newsroom search <words>` lists story ids"));
        return command;
    }

    private static void Render(IAnsiConsole console, Story story)
    {
        var summary = story.Summary ?? new StorySummary();
        var header = new Grid().AddColumn().AddColumn();
        header.AddTextRow("story", $"{summary.StoryId} (version {summary.Version})");
        header.AddTextRow("title", summary.Title);
        header.AddTextRow("articles", $"{summary.ArticleCount} from {string.Join(", ", summary.Sources)}");
        header.AddTextRow("published", $"{TextFormat.Time(summary.FirstPublished)}, updated {TextFormat.Time(summary.LastUpdated)}");
        header.AddTextRow("lead event", TextFormat.Event(summary.LeadEvent));
        header.AddTextRow("entities", string.Join(", ", summary.Entities.Select(entity => $"{entity.Name} ({TextFormat.EntityType(entity.Type)})")));
        if (story.MergedStoryIds.Count > 0)
        {
            header.AddTextRow("merged in", string.Join(", ", story.MergedStoryIds));
        }

        console.Write(header);

        var table = new Table().WithColumns(IdColumn("article"), Column("source"), Column("published"), Column("title"), Column("joined"), Column("lead event"));
        foreach (var article in story.Articles)
        {
            table.AddTextRow(
                article.ArticleId,
                article.Source,
                TextFormat.Time(article.Published),
                article.Title,
                Joined(article.JoinReason),
                TextFormat.Event(article.LeadEvent));
        }

        console.Write(table);

        // The features behind each merge (and, for an article that opened the story, its nearest miss), one per line: too long for a table cell.
        foreach (var article in story.Articles.Where(article => article.JoinReason is { Features.Count: > 0 }))
        {
            console.WriteLine(article.JoinReason.Kind == Contracts.V1.JoinReason.Types.Kind.FirstArticle
                ? $"{article.ArticleId} opened the story:"
                : $"{article.ArticleId} joined as {Joined(article.JoinReason)}:");
            foreach (var feature in article.JoinReason.Features)
            {
                console.WriteLine(feature.Detail.Length > 0
                    ? $"  {feature.Name} {TextFormat.Score(feature.Score)}: {feature.Detail}"
                    : $"  {feature.Name} {TextFormat.Score(feature.Score)}");
            }
        }
    }

    /// <summary>"same event 0.71 with art-1", or "first article".</summary>
    private static string Joined(JoinReason? reason)
    {
        if (reason is null)
        {
            return "-";
        }

        var kind = TextFormat.JoinKind(reason.Kind);
        if (reason.Kind == Contracts.V1.JoinReason.Types.Kind.FirstArticle)
        {
            return kind;
        }

        return reason.MatchedArticleId.Length > 0
            ? $"{kind} {TextFormat.Score(reason.Score)} with {reason.MatchedArticleId}"
            : $"{kind} {TextFormat.Score(reason.Score)}";
    }
}
