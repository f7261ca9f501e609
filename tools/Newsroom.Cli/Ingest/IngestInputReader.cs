using Newsroom.Ingest;

namespace Newsroom.Cli.Ingest;

/// <summary>
/// Turns the paths and URLs given to `ingest` into articles: files as the ingest service reads
/// them, folders recursively, and http(s) pages fetched as HTML. An input that cannot be read
/// becomes a failed item with its reason; the others carry on.
/// </summary>
internal sealed class IngestInputReader(HttpClient http)
{
    private const string ArticleFileKinds = ".txt, .html, .html.gz, .json, .jsonl";

    /// <summary>
    /// The inputs in the order given, each folder replaced by its article files sorted by path.
    /// A path that does not exist, or a folder without article files, stays as it is, so that
    /// reading it reports the problem in its place.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs) =>
        inputs.SelectMany(input => !IsUrl(input) && Directory.Exists(input) && ArticleFilesIn(input) is { Count: > 0 } files ? files : [input]).ToList();

    public static IReadOnlyList<string> ArticleFilesIn(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(ArticleFileReader.IsArticleFile)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static bool IsUrl(string input) =>
        Uri.TryCreate(input, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    public async Task<IReadOnlyList<IngestItem>> ReadAsync(string input, CancellationToken cancellationToken)
    {
        if (IsUrl(input))
        {
            return [await FetchAsync(input, cancellationToken).ConfigureAwait(false)];
        }

        if (Directory.Exists(input))
        {
            return [IngestItem.Failed(input, $"the folder has no article files ({ArticleFileKinds}); check the path")];
        }

        if (!File.Exists(input))
        {
            return [IngestItem.Failed(input, "no such file, folder or http(s) URL; check the path")];
        }

        try
        {
            return ArticleFileReader.Read(input).Select(article => new IngestItem(article.ClientRef, article, null)).ToList();
        }
        catch (ArticleRejectedException exception)
        {
            return [IngestItem.Failed(input, exception.Reason)];
        }
        catch (IOException exception)
        {
            return [IngestItem.Failed(input, $"cannot read the file: {exception.Message}")];
        }
    }

    private async Task<IngestItem> FetchAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(url), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return IngestItem.Failed(url, $"fetching the page answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}; check the URL");
            }

            var html = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new IngestItem(url, new RawArticle { ClientRef = url, Url = url, Html = html }, null);
        }
        catch (HttpRequestException exception)
        {
            return IngestItem.Failed(url, $"cannot fetch the page: {exception.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return IngestItem.Failed(url, $"fetching the page took longer than {http.Timeout.TotalSeconds:0} s; retry or save the page and ingest the file");
        }
    }
}
