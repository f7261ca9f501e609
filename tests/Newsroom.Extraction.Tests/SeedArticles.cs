using System.Text.Json;
using Newsroom.Contracts.Events;

namespace Newsroom.Extraction.Tests;

/// <summary>
/// The five seed page dumps as ArticleIngested, cut the simple way ingest would: the boilerplate lines
/// expected.json lists are dropped, a short line with a full date is the publication date, a short
/// early line without a final full stop is the title, the rest is the text.
/// </summary>
internal static class SeedArticles
{
    public static JsonDocument Expected() => JsonDocument.Parse(File.ReadAllText(RepositoryPaths.CorpusFile("seeds", "expected.json")));

    public static IReadOnlyDictionary<string, ArticleIngested> Load()
    {
        using var expected = Expected();
        var boilerplate = expected.RootElement.GetProperty("boilerplate_lines_to_drop").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        var dates = new DateNormalizer();
        var articles = new Dictionary<string, ArticleIngested>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(RepositoryPaths.CorpusFile("seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !boilerplate.Contains(l)).ToList();
            DateTimeOffset? published = null;
            var title = string.Empty;
            var body = new List<string>();
            foreach (var (line, index) in lines.Select((l, i) => (l, i)))
            {
                var words = line.Split(' ').Length;
                var found = words <= 8 ? dates.Normalize(line, null) : [];
                var date = found.Count > 0 ? found[0] : null;
                if (date is not null && published is null)
                {
                    published = new DateTimeOffset(date.Date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
                }
                else if (title.Length == 0 && body.Count == 0 && index < 3 && words is >= 4 and <= 20 && !line.EndsWith('.') && !line.EndsWith('”'))
                {
                    title = line;
                }
                else
                {
                    body.Add(line);
                }
            }

            var name = Path.GetFileName(path);
            articles[name] = new ArticleIngested
            {
                ArticleId = Path.GetFileNameWithoutExtension(path),
                Url = string.Empty,
                Source = string.Empty,
                Title = title,
                Text = string.Join("\n\n", body),
                Published = published,
                ContentHash = name,
                IngestedAt = DateTimeOffset.UnixEpoch,
            };
        }

        return articles;
    }
}
