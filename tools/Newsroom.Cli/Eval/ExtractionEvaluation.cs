using Newsroom.Ingest;

namespace Newsroom.Cli.Eval;

/// <summary>
/// Scores main-text extraction page by page: each page file is read as replay reads a folder
/// (ArticleFileReader) and cleaned by ingest's ArticleCleaner with ingest's default limits, the
/// same cleaning that ingest and replay do, and its text is compared with the gold body. A page
/// that fails in any way is scored as nothing extracted, with its error, and the run goes on.
/// </summary>
internal sealed class ExtractionEvaluation(string pagesFolder, TimeProvider time)
{
    private static readonly string[] PageExtensions = [".html.gz", ".htm.gz", ".html", ".htm"];

    private readonly ArticleCleaner _cleaner = new(time: time);

    public ExtractionDocumentScore Score(ExtractionGoldPage gold, CancellationToken cancellationToken)
    {
        try
        {
            var path = PageFile(gold.Id);
            var raw = ArticleFileReader.Read(path).Single() with { Url = gold.Url };
            var cleaned = _cleaner.Clean(raw, gold.Id, time.GetUtcNow(), cancellationToken);
            return new ExtractionDocumentScore(gold.Id, ExtractionShingles.Compare(cleaned.Text, gold.ArticleBody), cleaned.Published, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ArticleRejectedException exception)
        {
            return Failed(gold, exception.Reason);
        }
#pragma warning disable CA1031 // A page that breaks the cleaner in any way is that page's result, not the end of the run.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return Failed(gold, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private static ExtractionDocumentScore Failed(ExtractionGoldPage gold, string error) =>
        new(gold.Id, ExtractionShingles.Compare("", gold.ArticleBody), null, error);

    private string PageFile(string id) =>
        PageExtensions.Select(extension => Path.Combine(pagesFolder, id + extension)).FirstOrDefault(File.Exists)
        ?? throw new ArticleRejectedException($"no page file {id}.html.gz (or .html) in {pagesFolder}; add the page or remove it from the ground truth");
}
