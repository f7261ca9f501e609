using Newsroom.Contracts.V1;

namespace Newsroom.Contracts.Events;

/// <summary>Who did what to whom, and when, as the article leads with it. Entity ids are null when unresolved.</summary>
public sealed record ArticleLeadEvent(
    string ActorText,
    string? ActorEntityId,
    EventAction Action,
    string ActionText,
    string? TargetText,
    string? TargetEntityId,
    DateOnly? Date);
