namespace Newsroom.Extraction.Tagging;

/// <summary>
/// A weight table while the perceptron trains: the current weights, and per weight the running sum and
/// the step it last changed at, so the average over all steps costs nothing until it is asked for.
/// </summary>
internal sealed class TrainingWeights(int block)
{
    /// <summary>Features whose averaged weights are all this small change no decision; leaving them out keeps the model file small.</summary>
    private const float NegligibleWeight = 1e-3f;

    private readonly Dictionary<ulong, int> ids = [];
    private float[] weights = new float[block * 4096];
    private double[] totals = new double[block * 4096];
    private int[] stamps = new int[block * 4096];

    public int Id(ulong feature)
    {
        if (ids.TryGetValue(feature, out var id))
        {
            return id;
        }

        id = ids.Count;
        ids.Add(feature, id);
        if ((id + 1) * block > weights.Length)
        {
            Array.Resize(ref weights, weights.Length * 2);
            Array.Resize(ref totals, totals.Length * 2);
            Array.Resize(ref stamps, stamps.Length * 2);
        }

        return id;
    }

    public void AddTo(int id, Span<float> scores)
    {
        var row = weights.AsSpan(id * block, block);
        for (var k = 0; k < row.Length; k++)
        {
            scores[k] += row[k];
        }
    }

    public void Move(int id, int cell, float delta, int step)
    {
        var at = (id * block) + cell;
        totals[at] += (double)(step - stamps[at]) * weights[at];
        stamps[at] = step;
        weights[at] += delta;
    }

    /// <summary>
    /// The weights averaged over <paramref name="steps"/>, with each kept feature's copy in the tagging
    /// domain folded into it (<paramref name="domainCopy"/>), so tagging looks each feature up once.
    /// </summary>
    public FrozenWeights Averaged(int steps, Func<ulong, ulong> domainCopy, IReadOnlySet<ulong> copies)
    {
        var kept = new Dictionary<ulong, int>();
        var averaged = new List<float>();
        var row = new float[block];
        foreach (var (feature, id) in ids)
        {
            if (copies.Contains(feature))
            {
                continue;
            }

            var copy = ids.TryGetValue(domainCopy(feature), out var copyId) ? copyId : -1;
            var significant = false;
            for (var k = 0; k < block; k++)
            {
                row[k] = Average(id, k, steps) + (copy < 0 ? 0 : Average(copy, k, steps));
                significant |= Math.Abs(row[k]) >= NegligibleWeight;
            }

            if (significant)
            {
                kept.Add(feature, kept.Count);
                averaged.AddRange(row);
            }
        }

        return new FrozenWeights(block, kept, [.. averaged]);
    }

    private float Average(int id, int cell, int steps)
    {
        var at = (id * block) + cell;
        return (float)((totals[at] + ((double)(steps - stamps[at]) * weights[at])) / steps);
    }
}
