namespace Newsroom.Extraction;

/// <summary>How often a word (or context, or ending) was seen with each <see cref="EntityClass"/>.</summary>
internal sealed class ClassCounts
{
    public const int ClassCount = 6;

    public ClassCounts(double[] counts)
    {
        Counts = counts;
        Total = counts.Sum();
    }

    public double[] Counts { get; }

    public double Total { get; }

    public double this[EntityClass entityClass] => Counts[(int)entityClass];

    public double Share(EntityClass entityClass) => Total == 0 ? 0 : this[entityClass] / Total;
}
