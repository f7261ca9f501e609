namespace Newsroom.Extraction.Tagging;

/// <summary>
/// The scores of every tag at every token of a sentence, and of every tag pair between neighbours, and
/// the best tag sequence through them (Viterbi). Deciding the whole sentence at once lets the second
/// word of "Kataib Hezbollah" turn the first into an organisation, which a left-to-right tagger cannot.
/// Tag pairs that would open a name with I- are never chosen.
/// </summary>
internal sealed class TagLattice
{
    private readonly bool[,] allowed;
    private readonly int tags;

    /// <param name="allowed">The tag pairs that may follow each other, from <see cref="EntityTags.Transitions"/>; it also says how many tags there are.</param>
    public TagLattice(bool[,] allowed, int length)
    {
        this.allowed = allowed;
        tags = allowed.GetLength(1);
        Length = length;
        Emission = new float[length][];
        Transition = new float[length][];
        for (var i = 0; i < length; i++)
        {
            Emission[i] = new float[tags];
            Transition[i] = new float[(tags + 1) * tags];
        }
    }

    public int Length { get; }

    /// <summary>The score of tag y at token i.</summary>
    public float[][] Emission { get; }

    /// <summary>The score of tag y at token i after tag p at token i - 1, at [i][p * tags + y]; p = tags is the sentence start.</summary>
    public float[][] Transition { get; }

    public int Start => tags;

    public int[] Best()
    {
        var count = tags;
        var path = new int[Length];
        if (Length == 0)
        {
            return path;
        }

        // Flat arrays, row i at i * count: a rectangular array costs a runtime call to allocate, once a sentence.
        var score = new float[Length * count];
        var back = new int[Length * count];
        for (var y = 0; y < count; y++)
        {
            score[y] = allowed[Start, y] ? Emission[0][y] + Transition[0][(Start * count) + y] : float.NegativeInfinity;
        }

        for (var i = 1; i < Length; i++)
        {
            var previous = (i - 1) * count;
            for (var y = 0; y < count; y++)
            {
                var best = float.NegativeInfinity;
                var from = 0;
                for (var p = 0; p < count; p++)
                {
                    if (!allowed[p, y])
                    {
                        continue;
                    }

                    var candidate = score[previous + p] + Transition[i][(p * count) + y];
                    if (candidate > best)
                    {
                        best = candidate;
                        from = p;
                    }
                }

                score[(i * count) + y] = best + Emission[i][y];
                back[(i * count) + y] = from;
            }
        }

        var end = (Length - 1) * count;
        var last = 0;
        for (var y = 1; y < count; y++)
        {
            if (score[end + y] > score[end + last])
            {
                last = y;
            }
        }

        for (var i = Length - 1; i >= 0; i--)
        {
            path[i] = last;
            last = back[(i * count) + last];
        }

        return path;
    }
}
