using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

public sealed class QueryStoryUpdatedConsumerDefinition() : RetryingConsumerDefinition<QueryStoryUpdatedConsumer>(QueryEndpoint.Name);
