using System.Text.Json;
using Newsroom.Contracts.V1;

namespace Newsroom.Pipeline.Tests.Infrastructure;

/// <summary>Corpus articles as ingest requests, their client refs the corpus ids.</summary>
public static class CorpusRequests
{
    /// <summary>ECB+ dev: 496 real articles in 42 events, many of them look-alikes of each other, in file order.</summary>
    public static List<SubmitArticleRequest> EcbPlusDev() =>
        File.ReadLines(RepositoryPaths.CorpusFile("ecbplus", "dev.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(article => new SubmitArticleRequest
            {
                ClientRef = article.GetProperty("doc_id").GetString()!,
                Title = article.GetProperty("title").GetString() ?? "",
                Text = article.GetProperty("text").GetString()!,
            })
            .ToList();
}
