namespace Newsroom.Extraction.Tagging;

/// <summary>
/// Trains an <see cref="EntityTagger"/> as an averaged structured perceptron (Collins 2002): each
/// sentence is tagged with the current weights, and where the best sequence differs from the gold one
/// the gold's features gain and the chosen ones lose. Weights are averaged over every step, which keeps
/// late updates from dominating. Documents are visited in a seeded order, so a run is reproducible.
/// </summary>
public sealed class EntityTaggerTrainer(Gazetteer gazetteer, string taggingDomain)
{
    /// <summary>Features whose averaged weights are all this small change no decision; leaving them out keeps the model file small.</summary>
    private const float NegligibleWeight = 1e-3f;

    private readonly string[] labels = [.. EntityTags.All];
    private readonly Dictionary<string, int> featureIds = new(StringComparer.Ordinal);
    private float[] weights = new float[1 << 20];
    private double[] totals = new double[1 << 20];
    private int[] stamps = new int[1 << 20];
    private int step = 1;

    public EntityTagger Train(
        IReadOnlyList<TrainingDocument> documents, int epochs, int seed, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var labelIndex = labels.Select((label, k) => (label, k)).ToDictionary(x => x.label, x => x.k, StringComparer.Ordinal);
        var prepared = documents.Select(document => Prepare(document, labelIndex)).ToList();
        var random = new Random(seed);
        var order = Enumerable.Range(0, prepared.Count).ToArray();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            long tokens = 0;
            long mistakes = 0;
            foreach (var d in order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var sentence in prepared[d])
                {
                    var path = Lattice(sentence).Best();
                    tokens += path.Length;
                    mistakes += path.Where((y, i) => y != sentence.Gold[i]).Count();
                    Update(sentence, path);
                    step++;
                }
            }

            progress?.Report(new TrainingProgress(epoch, epochs, tokens, mistakes));
        }

        return Averaged();
    }

    private TagLattice Lattice(PreparedSentence sentence)
    {
        var lattice = new TagLattice(labels, sentence.Gold.Length);
        for (var i = 0; i < sentence.Gold.Length; i++)
        {
            AddScores(sentence.Emission[i], lattice.Emission[i]);
            for (var p = 0; p <= labels.Length; p++)
            {
                if (sentence.Transition[i][p] is { } transition)
                {
                    AddScores(transition, lattice.Transition[i][p]);
                }
            }
        }

        return lattice;
    }

    private void Update(PreparedSentence sentence, int[] path)
    {
        var gold = sentence.Gold;
        for (var i = 0; i < gold.Length; i++)
        {
            if (gold[i] != path[i])
            {
                Move(sentence.Emission[i], gold[i], 1);
                Move(sentence.Emission[i], path[i], -1);
            }

            var goldPrevious = i == 0 ? labels.Length : gold[i - 1];
            var chosenPrevious = i == 0 ? labels.Length : path[i - 1];
            if (gold[i] != path[i] || goldPrevious != chosenPrevious)
            {
                Move(sentence.Transition[i][goldPrevious]!, gold[i], 1);
                Move(sentence.Transition[i][chosenPrevious]!, path[i], -1);
            }
        }
    }

    private void Move(int[] ids, int label, float delta)
    {
        foreach (var id in ids)
        {
            var cell = (id * labels.Length) + label;
            totals[cell] += (double)(step - stamps[cell]) * weights[cell];
            stamps[cell] = step;
            weights[cell] += delta;
        }
    }

    private List<PreparedSentence> Prepare(TrainingDocument document, Dictionary<string, int> labelIndex)
    {
        var features = TokenFeatures.OfDocument(document.Sentences.Select(s => s.Tokens).ToList(), gazetteer, document.Domain);
        var sentences = new List<PreparedSentence>(document.Sentences.Count);
        for (var s = 0; s < document.Sentences.Count; s++)
        {
            var sentence = document.Sentences[s];
            var gold = new int[sentence.Tags.Count];
            var transition = new int[]?[gold.Length][];
            for (var i = 0; i < gold.Length; i++)
            {
                if (!labelIndex.TryGetValue(sentence.Tags[i], out gold[i]))
                {
                    throw new InvalidDataException($"Unknown tag '{sentence.Tags[i]}' in the training data; use O or B-/I- with one of {string.Join(", ", EntityTags.Types)}.");
                }

                // The sentence start precedes the first token only; tags precede every other.
                transition[i] = new int[]?[labels.Length + 1];
                for (var p = 0; p <= labels.Length; p++)
                {
                    if ((p == labels.Length) == (i == 0))
                    {
                        var previous = p == labels.Length ? TaggerHistory.None : labels[p];
                        transition[i][p] = [.. TokenFeatures.OfTransition(previous, sentence.Tokens[i], document.Domain).Select(Id)];
                    }
                }
            }

            sentences.Add(new PreparedSentence([.. features[s].Select(f => f.Select(Id).ToArray())], transition, gold));
        }

        return sentences;
    }

    private int Id(string feature)
    {
        if (featureIds.TryGetValue(feature, out var id))
        {
            return id;
        }

        id = featureIds.Count;
        featureIds.Add(feature, id);
        var needed = (id + 1) * labels.Length;
        if (needed > weights.Length)
        {
            Array.Resize(ref weights, weights.Length * 2);
            Array.Resize(ref totals, totals.Length * 2);
            Array.Resize(ref stamps, stamps.Length * 2);
        }

        return id;
    }

    private void AddScores(int[] ids, float[] scores)
    {
        foreach (var id in ids)
        {
            var row = weights.AsSpan(id * labels.Length, labels.Length);
            for (var k = 0; k < row.Length; k++)
            {
                scores[k] += row[k];
            }
        }
    }

    private EntityTagger Averaged()
    {
        var kept = new Dictionary<string, int>(StringComparer.Ordinal);
        var averaged = new List<float>();
        var row = new float[labels.Length];
        foreach (var (feature, id) in featureIds.OrderBy(f => f.Value))
        {
            var significant = false;
            for (var k = 0; k < labels.Length; k++)
            {
                var cell = (id * labels.Length) + k;
                var total = totals[cell] + ((double)(step - stamps[cell]) * weights[cell]);
                row[k] = (float)(total / step);
                significant |= Math.Abs(row[k]) >= NegligibleWeight;
            }

            if (significant)
            {
                kept.Add(feature, kept.Count);
                averaged.AddRange(row);
            }
        }

        return new EntityTagger(taggingDomain, labels, kept, [.. averaged], gazetteer);
    }

    private sealed record PreparedSentence(int[][] Emission, int[]?[][] Transition, int[] Gold);
}
