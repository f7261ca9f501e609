using Newsroom.Contracts.Events;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup.Tests.Evaluation;

/// <summary>Feeds extracted articles, in order, to a fresh clusterer and scores its stories against the gold clusters.</summary>
internal static class ClusteringRun
{
    public static readonly DateTimeOffset IngestedAt = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ArticleIngested Ingested(EcbPlusDocument document) => new()
    {
        ArticleId = document.DocId,
        Url = string.Empty,
        Source = string.Empty,
        Title = document.Title,
        Text = document.Text,
        ContentHash = document.DocId,
        // ECB+ carries no dates: every document shares one time, so only content decides.
        IngestedAt = IngestedAt,
    };

    public static IReadOnlyList<ArticleExtracted> Extract(IReadOnlyList<EcbPlusDocument> documents, IArticleExtraction extraction) =>
        documents.Select(d => extraction.Extract(Ingested(d))).ToList();

    public static ClusteringScores Score(IReadOnlyList<ArticleExtracted> articles, IReadOnlyList<string> gold, StoryClustererOptions options)
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var clusterer = new StoryClusterer(store, options);
        var predicted = articles.Select(a => clusterer.Assign(a, IngestedAt).StoryId).ToList();
        return ClusteringMetrics.Score(gold, predicted);
    }
}
