namespace Newsroom.Query;

public sealed class QueryArticleIngestedConsumerDefinition : QueryConsumerDefinition<QueryArticleIngestedConsumer>;
