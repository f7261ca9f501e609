using System.Text.Json;

namespace Newsroom.Cli.Eval;

/// <summary>
/// Reads an Article Extraction Benchmark ground-truth file: one JSON object whose keys are page
/// ids and whose values hold "articleBody" and, optionally, "url". Pages come back sorted by id,
/// so that the even and odd halves are the same on every machine.
/// </summary>
internal static class ExtractionGoldReader
{
    private const string FormatHint =
        "pass --gold with a ground-truth.json of the form {\"<page id>\": {\"articleBody\": \"...\", \"url\": \"...\"}, ...}";

    public static IReadOnlyList<ExtractionGoldPage> Read(string path, EvalSubset subset)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"cannot read the ground truth '{path}': {exception.Message}", FormatHint);
        }

        var pages = new List<ExtractionGoldPage>();
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CommandFailedException($"the ground truth '{path}' is not a JSON object of pages", FormatHint);
            }

            foreach (var page in document.RootElement.EnumerateObject())
            {
                if (page.Value.ValueKind != JsonValueKind.Object
                    || !page.Value.TryGetProperty("articleBody", out var body) || body.ValueKind != JsonValueKind.String)
                {
                    throw new CommandFailedException($"page \"{page.Name}\" of the ground truth '{path}' has no \"articleBody\" string", FormatHint);
                }

                var url = page.Value.TryGetProperty("url", out var address) && address.ValueKind == JsonValueKind.String ? address.GetString() : null;
                pages.Add(new ExtractionGoldPage(page.Name, body.GetString() ?? "", url));
            }
        }
        catch (JsonException exception)
        {
            throw new CommandFailedException($"the ground truth '{path}' is not valid JSON: {exception.Message}", FormatHint);
        }

        if (pages.Count == 0)
        {
            throw new CommandFailedException($"the ground truth '{path}' lists no pages", FormatHint);
        }

        return pages.OrderBy(page => page.Id, StringComparer.Ordinal)
            .Where((_, index) => subset == EvalSubset.All || (index % 2 == 0) == (subset == EvalSubset.Even))
            .ToList();
    }
}
