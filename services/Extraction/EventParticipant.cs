namespace Newsroom.Extraction;

/// <summary>The actor or target of a lead event: the article's words and, when it is a recognised entity, its canonical id.</summary>
internal sealed record EventParticipant(string Text, string? EntityId)
{
    public bool SameEntity(EventParticipant? other) =>
        other is not null && (EntityId is not null && other.EntityId is not null
            ? EntityId == other.EntityId
            : string.Equals(Text, other.Text, StringComparison.OrdinalIgnoreCase));
}
