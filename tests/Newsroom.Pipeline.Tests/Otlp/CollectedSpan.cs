namespace Newsroom.Pipeline.Tests.Otlp;

/// <summary>One span as a service exported it: ids in hex, the exporting service's name, its tags as text, the ids of the spans it links to.</summary>
public sealed record CollectedSpan(
    string Service,
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    SpanKind Kind,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> LinkedSpanIds)
{
    public bool IsRoot => ParentSpanId.Length == 0;

    public string? Tag(string key) => Tags.GetValueOrDefault(key);

    public override string ToString() => $"{Service}: {Name} ({Kind}) {SpanId} <- {(IsRoot ? "root" : ParentSpanId)}";
}
