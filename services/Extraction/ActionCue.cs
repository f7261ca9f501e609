using Newsroom.Contracts.V1;

namespace Newsroom.Extraction;

/// <summary>An action word found in a sentence: its class, its token span (<see cref="First"/> to <see cref="Last"/>, inclusive) and whether it heads a passive.</summary>
internal sealed record ActionCue(EventAction Action, ActionWord Word, int First, int Last, bool IsPassive);
