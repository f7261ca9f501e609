namespace Newsroom.Extraction.Tests;

/// <summary>Span-level precision, recall and F1 counts for one entity type.</summary>
internal sealed class SpanScore
{
    public int TruePositives { get; set; }

    public int FalsePositives { get; set; }

    public int FalseNegatives { get; set; }

    public double Precision => TruePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => FormattableString.Invariant($"P {Precision:F3} R {Recall:F3} F1 {F1:F3} (tp {TruePositives}, fp {FalsePositives}, fn {FalseNegatives})");
}
