using Newsroom.Contracts.Events;

namespace Newsroom.Dedup.Tests.Evaluation;

/// <summary>Turns an ingested article into what dedup consumes, so evaluations can run on raw corpus text.</summary>
internal interface IArticleExtraction
{
    string Name { get; }

    ArticleExtracted Extract(ArticleIngested article);
}
