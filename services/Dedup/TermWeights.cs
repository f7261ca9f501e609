namespace Newsroom.Dedup;

/// <summary>The weighting shared by term and entity vectors: damped counts and smoothed inverse frequencies.</summary>
internal static class TermWeights
{
    /// <summary>1 + ln(count): a word said five times is not five times as telling.</summary>
    public static double Damped(int count) => count <= 0 ? 0 : 1 + Math.Log(count);

    /// <summary>Smoothed inverse frequency: items found in most documents weigh little, never nothing.</summary>
    public static double Inverse(long documentsWithItem, long documents) =>
        Math.Log((1.0 + documents) / (1.0 + documentsWithItem)) + 1.0;
}
