using Newsroom.Contracts.Events;
using Newsroom.Extraction;
using Newsroom.Extraction.Tests;
using Newsroom.Extraction.Tagging;

namespace Newsroom.Benchmarks;

/// <summary>
/// The benchmarks' input: the five seed articles in ../shared/corpus/seeds, read once per process, as
/// extraction receives them and as its tagger reads them.
/// </summary>
public static class SeedCorpus
{
    /// <summary>How many seed articles there are; the article benchmark divides its time by this.</summary>
    public const int ArticleCount = 5;

    /// <summary>What <see cref="ArticleExtractor"/> puts between a title and its text before tagging them together.</summary>
    private const string TitleSeparator = "\n\n";

    private static readonly Lazy<IReadOnlyList<ArticleIngested>> LoadedArticles = new(LoadArticles);

    private static readonly Lazy<IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>>> LoadedDocuments =
        new(() => [.. Articles.Select(TaggerDocument)]);

    public static string Folder => RepositoryPaths.CorpusFile("seeds");

    /// <summary>The seed articles as ingest would publish them: title, text and publication date apart.</summary>
    public static IReadOnlyList<ArticleIngested> Articles => LoadedArticles.Value;

    /// <summary>Each seed article as one document of sentences of tokens, the way extraction hands it to the tagger.</summary>
    public static IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> TaggerDocuments => LoadedDocuments.Value;

    /// <summary>Tokens in all of <see cref="TaggerDocuments"/>: what one run of the tagger benchmark tags.</summary>
    public static int TokenCount => TaggerDocuments.Sum(document => document.Sum(sentence => sentence.Count));

    /// <summary>Fails with what to do when the seeds are not beside the checkout.</summary>
    public static void EnsurePresent()
    {
        if (!Directory.Exists(Folder) || Directory.GetFiles(Folder, "*.txt").Length != ArticleCount)
        {
            throw new DirectoryNotFoundException(
                $"The benchmarks read the {ArticleCount} seed articles in {Folder}, which is missing or incomplete. " +
                "Put the shared corpus beside the checkout as ../shared/corpus (see its README.md) and run again.");
        }
    }

    private static IReadOnlyList<ArticleIngested> LoadArticles()
    {
        EnsurePresent();
        return [.. SeedArticles.Load().Values];
    }

    private static IReadOnlyList<IReadOnlyList<string>> TaggerDocument(ArticleIngested article)
    {
        var text = article.Title + TitleSeparator + article.Text;
        return [.. SentenceSplitter.Split(text)
            .Select(range => TextTokenizer.Tokenize(text, range.Start.GetOffset(text.Length), range.End.GetOffset(text.Length)))
            .Where(tokens => tokens.Count > 0)
            .Select(tokens => (IReadOnlyList<string>)[.. tokens.Select(token => token.Text)])];
    }
}
