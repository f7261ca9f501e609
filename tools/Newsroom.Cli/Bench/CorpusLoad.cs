using System.Globalization;
using Newsroom.Cli.Commands;
using Newsroom.Contracts.V1;
using Newsroom.Ingest;

namespace Newsroom.Cli.Bench;

/// <summary>
/// A load made of real articles: the files of a folder or a .jsonl file, repeated until there are enough.
/// Each copy ends with a line naming the run and the copy and gets its own URL, so that ingest takes it as
/// a new article (a copy otherwise comes back as a duplicate) and dedup as a near-identical copy.
/// </summary>
internal static class CorpusLoad
{
    public static IReadOnlyList<SubmitArticleRequest> Articles(string input, int count, int seed)
    {
        var files = Directory.Exists(input) ? Ingest.IngestInputReader.ArticleFilesIn(input) : [input];
        var originals = new List<RawArticle>();
        foreach (var file in files)
        {
            try
            {
                originals.AddRange(ArticleFileReader.Read(file));
            }
            catch (Exception exception) when (exception is ArticleRejectedException or IOException)
            {
                throw new CommandFailedException($"cannot read '{file}' for the load: {exception.Message}", "pass --input with article files that `newsroom ingest` reads, or leave it out for synthetic articles");
            }
        }
        if (originals.Count == 0)
        {
            throw new CommandFailedException($"'{input}' holds no articles", "pass --input with a .jsonl file or a folder of article files, or leave it out for synthetic articles");
        }
        return Enumerable.Range(0, count).Select(i => Copy(IngestCommand.ToRequest(originals[i % originals.Count]), i, seed)).ToList();
    }

    private static SubmitArticleRequest Copy(SubmitArticleRequest original, int number, int seed)
    {
        var marker = string.Create(CultureInfo.InvariantCulture, $" This copy, number {number} of load run {seed}, was sent by newsroom bench.");
        var copy = original.Clone();
        copy.ClientRef = string.Create(CultureInfo.InvariantCulture, $"bench-{seed}-{number}");
        copy.Url = string.Create(CultureInfo.InvariantCulture, $"https://bench.example/{seed}/{number}");
        // The marker goes into the longest paragraph, which cleaning keeps as article text; a line of its own could be taken for boilerplate.
        if (copy.BodyCase == SubmitArticleRequest.BodyOneofCase.Html)
        {
            copy.Html = copy.Html.Insert(EndOfLongest(copy.Html, "<p", "</p>"), marker);
        }
        else
        {
            copy.Text = copy.Text.Insert(EndOfLongest(copy.Text, "\n\n", "\n\n"), marker);
        }
        return copy;
    }

    /// <summary>Where the longest span between an opening and a closing delimiter ends (the text's end when there is none).</summary>
    private static int EndOfLongest(string text, string open, string close)
    {
        var best = (Length: -1, End: text.Length);
        var start = 0;
        for (var end = text.IndexOf(close, StringComparison.OrdinalIgnoreCase); end >= 0; end = text.IndexOf(close, end + close.Length, StringComparison.OrdinalIgnoreCase))
        {
            var opened = text.LastIndexOf(open, end == 0 ? 0 : end - 1, StringComparison.OrdinalIgnoreCase);
            var length = end - Math.Max(start, opened);
            if (length > best.Length)
            {
                best = (length, end);
            }
            start = end + close.Length;
        }
        return best.Length < 0 ? text.TrimEnd().Length : best.End;
    }
}
