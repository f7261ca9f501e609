namespace Newsroom.Ingest;

/// <summary>Hands every article of one file to a sink; a bad file or a bad line is reported as rejected and the rest go on.</summary>
internal static class ArticleFileImporter
{
    /// <returns>The result of each item of the file.</returns>
    /// <exception cref="IOException">The file is locked or vanished; try again later.</exception>
    public static async Task<IReadOnlyList<IngestResult>> ImportAsync(string path, IArticleSink sink, IngestTally tally, CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonLinesItem> items;
        try
        {
            items = ArticleFileReader.ReadItems(path);
        }
        catch (ArticleRejectedException e)
        {
            var rejected = await sink.RejectAsync(ArticleFileReader.ClientRefOf(path), null, e.Reason, cancellationToken).ConfigureAwait(false);
            tally.Add(rejected);
            return [rejected];
        }
        var fileName = Path.GetFileName(path);
        var results = new List<IngestResult>(items.Count);
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = item.Article is { } article
                ? await sink.SubmitAsync(article, cancellationToken).ConfigureAwait(false)
                : await sink.RejectAsync($"{ArticleFileReader.ClientRefOf(path)}:{item.LineNumber}", null, $"{fileName}: {item.Error}", cancellationToken).ConfigureAwait(false);
            tally.Add(result);
            results.Add(result);
        }
        return results;
    }
}
