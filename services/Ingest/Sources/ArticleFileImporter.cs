namespace Newsroom.Ingest;

/// <summary>Hands every article of one file to a sink; a bad file or a bad line is reported as rejected and the rest go on.</summary>
internal static class ArticleFileImporter
{
    /// <exception cref="IOException">The file is locked or vanished; try again later.</exception>
    public static async Task ImportAsync(string path, IArticleSink sink, IngestTally tally, CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonLinesItem> items;
        try
        {
            items = ArticleFileReader.ReadItems(path);
        }
        catch (ArticleRejectedException e)
        {
            tally.Add(await sink.RejectAsync(ArticleFileReader.ClientRefOf(path), null, e.Reason, cancellationToken).ConfigureAwait(false));
            return;
        }
        var fileName = Path.GetFileName(path);
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = item.Article is { } article
                ? await sink.SubmitAsync(article, cancellationToken).ConfigureAwait(false)
                : await sink.RejectAsync($"{ArticleFileReader.ClientRefOf(path)}:{item.LineNumber}", null, $"{fileName}: {item.Error}", cancellationToken).ConfigureAwait(false);
            tally.Add(result);
        }
    }
}
