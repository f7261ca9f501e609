namespace Newsroom.Extraction.Tagging;

/// <summary>A trained weight table: for each feature, a block of weights (one a tag, or one a pair of tags). Read-only, so thread-safe.</summary>
internal sealed class FrozenWeights(int block, Dictionary<ulong, int> ids, float[] weights)
{
    private readonly Dictionary<ulong, int> ids = ids;
    private readonly float[] weights = weights;

    public int Block { get; } = block;

    public int Count => ids.Count;

    /// <summary>Adds the feature's weights to <paramref name="scores"/>; a feature training never kept adds nothing.</summary>
    public void AddTo(ulong feature, float[] scores)
    {
        if (!ids.TryGetValue(feature, out var id))
        {
            return;
        }

        var row = weights.AsSpan(id * Block, Block);
        for (var k = 0; k < row.Length; k++)
        {
            scores[k] += row[k];
        }
    }

    /// <summary>
    /// The mean of several tables' weights, feature by feature; a table without a feature counts it as zero.
    /// Features are taken in the order they first appear, so the result does not depend on hashing.
    /// </summary>
    public static FrozenWeights Mean(IReadOnlyList<FrozenWeights> tables)
    {
        var block = tables[0].Block;
        var ids = new Dictionary<ulong, int>();
        var sums = new List<float>();
        foreach (var table in tables)
        {
            foreach (var (feature, id) in table.ids.OrderBy(f => f.Value))
            {
                if (!ids.TryGetValue(feature, out var at))
                {
                    at = ids.Count;
                    ids.Add(feature, at);
                    sums.AddRange(new float[block]);
                }

                for (var k = 0; k < block; k++)
                {
                    sums[(at * block) + k] += table.weights[(id * block) + k] / tables.Count;
                }
            }
        }

        return new FrozenWeights(block, ids, [.. sums]);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Block);
        writer.Write(ids.Count);
        foreach (var (feature, id) in ids.OrderBy(f => f.Value))
        {
            writer.Write(feature);
            foreach (var weight in weights.AsSpan(id * Block, Block))
            {
                writer.Write((Half)weight);
            }
        }
    }

    public static FrozenWeights Read(BinaryReader reader)
    {
        var block = reader.ReadInt32();
        var count = reader.ReadInt32();
        var ids = new Dictionary<ulong, int>(count);
        var weights = new float[count * block];
        for (var id = 0; id < count; id++)
        {
            ids.Add(reader.ReadUInt64(), id);
            for (var k = 0; k < block; k++)
            {
                weights[(id * block) + k] = (float)reader.ReadHalf();
            }
        }

        return new FrozenWeights(block, ids, weights);
    }
}
