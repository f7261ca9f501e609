namespace Newsroom.Dedup.Tests.Evaluation;

/// <summary>One ECB+ document with its gold event cluster.</summary>
internal sealed record EcbPlusDocument(string DocId, int Topic, string Cluster, string Title, string Text);
