namespace Newsroom.Query;

public sealed class QueryStoryUpdatedConsumerDefinition : QueryConsumerDefinition<QueryStoryUpdatedConsumer>;
