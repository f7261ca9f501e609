using Newsroom.Contracts.Events;
using Newsroom.Extraction;

namespace Newsroom.Dedup.Tests.Evaluation;

/// <summary>The extraction service's own extractor, as the pipeline runs it before dedup.</summary>
internal sealed class PipelineExtraction : IArticleExtraction
{
    private readonly ArticleExtractor _extractor = new();

    public string Name => "extraction service";

    public ArticleExtracted Extract(ArticleIngested article) => _extractor.Extract(article, article.IngestedAt);
}
