using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Newsroom.Extraction.Tagging;

/// <summary>A trained weight table: for each feature, a block of weights (one a tag, or one a pair of tags). Read-only, so thread-safe.</summary>
internal sealed class FrozenWeights
{
    /// <summary>
    /// The features in an open-addressed table, at most half full: tagging looks up some forty features a token, most
    /// of them in vain, and a probe here reads the feature and its row from one slot, where a dictionary reads a bucket
    /// and then an entry elsewhere in memory.
    /// </summary>
    private readonly Slot[] slots;

    private readonly int mask;

    /// <summary>The features in row order, for <see cref="Write"/> and <see cref="Mean"/>.</summary>
    private readonly ulong[] features;

    private readonly float[] weights;

    /// <param name="ids">Each feature's row in <paramref name="weights"/>, rows numbered from 0 without gaps.</param>
    public FrozenWeights(int block, IReadOnlyDictionary<ulong, int> ids, float[] weights)
        : this(block, FeaturesByRow(ids), weights)
    {
    }

    private FrozenWeights(int block, ulong[] features, float[] weights)
    {
        Block = block;
        this.features = features;
        this.weights = weights;
        slots = new Slot[Math.Max(2, (int)BitOperations.RoundUpToPowerOf2((uint)features.Length * 2))];
        mask = slots.Length - 1;
        for (var row = 0; row < features.Length; row++)
        {
            var at = SlotOf(features[row]);
            while (slots[at].Row != 0)
            {
                at = (at + 1) & mask;
            }

            slots[at] = new Slot(features[row], row + 1);
        }
    }

    public int Block { get; }

    public int Count => features.Length;

    /// <summary>Adds the feature's weights to <paramref name="scores"/>; a feature training never kept adds nothing.</summary>
    public void AddTo(ulong feature, Span<float> scores)
    {
        var row = RowOf(feature);
        if (row < 0)
        {
            return;
        }

        var rowWeights = weights.AsSpan(row * Block, Block);
        for (var k = 0; k < rowWeights.Length; k++)
        {
            scores[k] += rowWeights[k];
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
            for (var row = 0; row < table.features.Length; row++)
            {
                var feature = table.features[row];
                if (!ids.TryGetValue(feature, out var at))
                {
                    at = ids.Count;
                    ids.Add(feature, at);
                    sums.AddRange(new float[block]);
                }

                for (var k = 0; k < block; k++)
                {
                    sums[(at * block) + k] += table.weights[(row * block) + k] / tables.Count;
                }
            }
        }

        return new FrozenWeights(block, ids, [.. sums]);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Block);
        writer.Write(features.Length);
        for (var row = 0; row < features.Length; row++)
        {
            writer.Write(features[row]);
            foreach (var weight in weights.AsSpan(row * Block, Block))
            {
                writer.Write((Half)weight);
            }
        }
    }

    public static FrozenWeights Read(BinaryReader reader)
    {
        var block = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (block < 1 || count < 0 || (long)block * count > Array.MaxLength)
        {
            throw new InvalidDataException($"The model's weights are damaged ({count} rows of {block}); train the model again with `newsroom train tagger`.");
        }

        var features = new ulong[count];
        var weights = new float[count * block];
        // A row's weights in one read: a read per weight was most of the model's loading time.
        var row = new byte[block * sizeof(ushort)];
        for (var index = 0; index < count; index++)
        {
            features[index] = reader.ReadUInt64();
            reader.BaseStream.ReadExactly(row);
            for (var k = 0; k < block; k++)
            {
                weights[(index * block) + k] = (float)BinaryPrimitives.ReadHalfLittleEndian(row.AsSpan(k * sizeof(ushort)));
            }
        }

        return new FrozenWeights(block, features, weights);
    }

    private static ulong[] FeaturesByRow(IReadOnlyDictionary<ulong, int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var features = new ulong[ids.Count];
        foreach (var (feature, row) in ids)
        {
            features[row] = feature;
        }

        return features;
    }

    private int RowOf(ulong feature)
    {
        for (var at = SlotOf(feature); ; at = (at + 1) & mask)
        {
            var slot = slots[at];
            if (slot.Row == 0)
            {
                return -1;
            }

            if (slot.Feature == feature)
            {
                return slot.Row - 1;
            }
        }
    }

    /// <summary>Features are hashes already, but the low bits of some are alike (n-gram hashes of one prefix): mixed before masking.</summary>
    private int SlotOf(ulong feature) => (int)((feature * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    /// <summary>A feature and its row plus one; a row of 0 marks an empty slot.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Slot(ulong Feature, int Row);
}
