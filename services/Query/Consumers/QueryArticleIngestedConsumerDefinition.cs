using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

public sealed class QueryArticleIngestedConsumerDefinition() : RetryingConsumerDefinition<QueryArticleIngestedConsumer>(QueryEndpoint.Name);
