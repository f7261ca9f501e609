using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

public sealed class QueryArticleExtractedConsumerDefinition() : RetryingConsumerDefinition<QueryArticleExtractedConsumer>(QueryEndpoint.Name);
