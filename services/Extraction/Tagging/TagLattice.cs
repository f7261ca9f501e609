namespace Newsroom.Extraction.Tagging;

/// <summary>
/// The scores of every tag at every token of a sentence, and of every tag pair between neighbours, and
/// the best tag sequence through them (Viterbi). Deciding the whole sentence at once lets the second
/// word of "Kataib Hezbollah" turn the first into an organisation, which a left-to-right tagger cannot.
/// Tag pairs that would open a name with I- are never chosen. One lattice serves the sentences of a document
/// in turn (<see cref="Reset"/>): its buffers are allocated once, not once a token.
/// </summary>
internal sealed class TagLattice
{
    private readonly bool[,] allowed;
    private readonly int tags;
    private readonly int pairs;
    private float[] emission = [];
    private float[] transition = [];
    private float[] score = [];
    private int[] back = [];

    /// <param name="allowed">The tag pairs that may follow each other, from <see cref="EntityTags.Transitions"/>; it also says how many tags there are.</param>
    public TagLattice(bool[,] allowed, int length)
    {
        this.allowed = allowed;
        tags = allowed.GetLength(1);
        pairs = (tags + 1) * tags;
        Reset(length);
    }

    public int Length { get; private set; }

    public int Start => tags;

    /// <summary>Empties the lattice for a sentence of <paramref name="length"/> tokens.</summary>
    public void Reset(int length)
    {
        Length = length;
        if (length * tags > score.Length)
        {
            emission = new float[length * tags];
            transition = new float[length * pairs];
            score = new float[length * tags];
            back = new int[length * tags];
            return;
        }

        Array.Clear(emission, 0, length * tags);
        Array.Clear(transition, 0, length * pairs);
    }

    /// <summary>The score of each tag y at token i, at [y].</summary>
    public Span<float> Emission(int i) => emission.AsSpan(i * tags, tags);

    /// <summary>The score of tag y at token i after tag p at token i - 1, at [p * tags + y]; p = tags is the sentence start.</summary>
    public Span<float> Transition(int i) => transition.AsSpan(i * pairs, pairs);

    public int[] Best()
    {
        var count = tags;
        var path = new int[Length];
        if (Length == 0)
        {
            return path;
        }

        // Row i of the scores and back-pointers is at i * count.
        for (var y = 0; y < count; y++)
        {
            score[y] = allowed[Start, y] ? emission[y] + transition[(Start * count) + y] : float.NegativeInfinity;
        }

        for (var i = 1; i < Length; i++)
        {
            var previous = (i - 1) * count;
            var pairRow = i * pairs;
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

                    var candidate = score[previous + p] + transition[pairRow + (p * count) + y];
                    if (candidate > best)
                    {
                        best = candidate;
                        from = p;
                    }
                }

                score[(i * count) + y] = best + emission[(i * count) + y];
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
