using System.Globalization;
using System.Text.Json;
using Newsroom.Cli.Replay;
using Newsroom.Ingest;

namespace Newsroom.Cli.Eval;

/// <summary>
/// Reads a clustering gold file: JSON Lines, each an article as replay reads it ("text" or "html", optional
/// "title", "url", "source", "published") with its id ("doc_id" or "id"), its gold "cluster" and, optionally,
/// a "topic" (ECB+ groups look-alike events in topics). An article replay cannot read stays in the set, so
/// that it counts against the score; a line without an id or a cluster stops the run, since the gold would
/// be wrong.
/// </summary>
internal static class GoldClusterReader
{
    private const string FormatHint =
        "pass --gold with a .jsonl file whose lines are articles with \"doc_id\" (or \"id\"), \"cluster\", and \"text\" or \"html\", as ECB+'s dev.jsonl";

    /// <param name="subset">All items, or those of the topics (the cluster, for lines without one) at even or odd positions of the sorted topics.</param>
    public static IReadOnlyList<GoldClusterItem> Read(string path, EvalSubset subset)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"cannot read the gold file '{path}': {exception.Message}", FormatHint);
        }

        var items = new List<GoldClusterItem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < lines.Length; index++)
        {
            if (string.IsNullOrWhiteSpace(lines[index]))
            {
                continue;
            }

            var item = ReadLine(path, lines[index], index + 1);
            if (!ids.Add(item.Input.Id))
            {
                throw new CommandFailedException($"line {index + 1} of '{path}' repeats the id \"{item.Input.Id}\"", "give every article of the gold file its own id");
            }

            items.Add(item);
        }

        if (items.Count == 0)
        {
            throw new CommandFailedException($"the gold file '{path}' holds no articles", FormatHint);
        }

        // Numeric topics (ECB+'s) in numeric order, so that alternate topics are alternate in the set.
        var topics = items.Select(i => i.Topic).Distinct()
            .OrderBy(t => long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : long.MaxValue)
            .ThenBy(t => t, StringComparer.Ordinal)
            .ToList();
        var chosen = topics.Where((_, position) => subset == EvalSubset.All || (position % 2 == 0) == (subset == EvalSubset.Even)).ToHashSet(StringComparer.Ordinal);
        return items.Where(i => chosen.Contains(i.Topic)).ToList();
    }

    private static GoldClusterItem ReadLine(string path, string line, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            throw Bad(path, lineNumber, $"is not valid JSON ({exception.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Bad(path, lineNumber, "is not a JSON object");
            }

            var id = ReplayInputReader.IdOf(root) ?? throw Bad(path, lineNumber, "has no \"doc_id\" or \"id\"");
            var cluster = ReplayInputReader.Label(root, "cluster") ?? throw Bad(path, lineNumber, $"({id}) has no \"cluster\"");
            var input = ReplayInputReader.FromLine(root, lineNumber, id, id);
            return new GoldClusterItem(input, cluster, ReplayInputReader.Label(root, "topic") ?? cluster);
        }
    }

    private static CommandFailedException Bad(string path, int lineNumber, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber} of '{path}' {problem}"), FormatHint);
}
