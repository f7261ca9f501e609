namespace Newsroom.Query;

public sealed class QueryArticleExtractedConsumerDefinition : QueryConsumerDefinition<QueryArticleExtractedConsumer>;
