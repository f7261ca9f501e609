using Newsroom.Contracts.V1;

namespace Newsroom.Contracts.Events;

/// <summary>A named entity in an article's text, resolved to its canonical entity.</summary>
/// <param name="Start">Character offset into the article text where the mention starts.</param>
/// <param name="End">Character offset just past the mention.</param>
public sealed record EntityMention(string Text, EntityType Type, int Start, int End, string CanonicalId, string CanonicalName);
