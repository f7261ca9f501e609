using Newsroom.Contracts.V1;

namespace Newsroom.Extraction;

/// <summary>A named entity found in a text, before alias resolution. <see cref="End"/> is exclusive.</summary>
public sealed record RecognizedEntity(string Text, EntityType Type, int Start, int End);
