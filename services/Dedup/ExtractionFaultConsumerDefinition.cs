using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup;

/// <summary>Extraction's faults arrive on the <c>dedup</c> endpoint, among the articles that wait for them.</summary>
public sealed class ExtractionFaultConsumerDefinition() : RetryingConsumerDefinition<ExtractionFaultConsumer>(ArticleExtractedConsumerDefinition.QueueName);
