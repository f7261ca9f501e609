using Newsroom.ServiceDefaults;

namespace Newsroom.Extraction;

/// <summary>The extraction queue: competing consumers, so extraction scales out.</summary>
public sealed class ArticleIngestedConsumerDefinition() : RetryingConsumerDefinition<ArticleIngestedConsumer>("extraction");
