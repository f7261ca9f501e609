namespace Newsroom.Extraction.Tagging;

/// <summary>
/// Trains an <see cref="EntityTagger"/> as an averaged structured perceptron (Collins 2002): each
/// sentence is tagged with the current weights, and where the best sequence differs from the gold one
/// the gold's features gain and the chosen ones lose. Weights are averaged over every step, which keeps
/// late updates from dominating. Every feature also has a copy for the document's domain (Daumé 2007):
/// the shared copy learns what holds in every corpus, the domain's copy its own conventions (how WikiANN
/// tags clubs, how GMB tags nationalities); the tagger keeps the shared copy plus the tagging domain's.
/// Documents are visited in a seeded order, so a run is reproducible.
/// </summary>
public sealed class EntityTaggerTrainer
{
    private readonly Gazetteer gazetteer;
    private readonly WordClusters clusters;
    private readonly string taggingDomain;
    private readonly string[] labels = [.. EntityTags.All];
    private readonly bool[,] transitions = EntityTags.Transitions(EntityTags.All);
    private readonly TrainingWeights emission;
    private readonly TrainingWeights pairs;
    private readonly HashSet<ulong> copies = [];
    private int step = 1;

    public EntityTaggerTrainer(Gazetteer gazetteer, WordClusters clusters, string taggingDomain)
    {
        this.gazetteer = gazetteer;
        this.clusters = clusters;
        this.taggingDomain = taggingDomain;
        emission = new TrainingWeights(labels.Length);
        pairs = new TrainingWeights((labels.Length + 1) * labels.Length);
    }

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
                var history = new PredictionHistory();
                var documentDomain = DomainHash(documents[d].Domain);
                foreach (var sentence in prepared[d])
                {
                    sentence.History = HistoryIds(history, sentence, documentDomain);
                    var path = Lattice(sentence).Best();
                    history.Record(sentence.Tokens, sentence.Words, [.. path.Select(k => labels[k])]);
                    tokens += path.Length;
                    mistakes += path.Where((y, i) => y != sentence.Gold[i]).Count();
                    Update(sentence, path);
                    step++;
                }
            }

            progress?.Report(new TrainingProgress(epoch, epochs, tokens, mistakes));
        }

        var tagging = DomainHash(taggingDomain);
        ulong InTaggingDomain(ulong feature) => FeatureHash.InDomain(feature, tagging);
        return new EntityTagger(taggingDomain, labels, emission.Averaged(step, InTaggingDomain, copies), pairs.Averaged(step, InTaggingDomain, copies), gazetteer, clusters);
    }

    private static ulong DomainHash(string domain) => FeatureHash.Of("domain", domain);

    private TagLattice Lattice(PreparedSentence sentence)
    {
        var lattice = new TagLattice(transitions, sentence.Gold.Length);
        for (var i = 0; i < sentence.Gold.Length; i++)
        {
            foreach (var id in sentence.Emission[i].Concat(sentence.History[i]))
            {
                emission.AddTo(id, lattice.Emission(i));
            }

            foreach (var id in sentence.Pairs[i])
            {
                pairs.AddTo(id, lattice.Transition(i));
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
                foreach (var id in sentence.Emission[i].Concat(sentence.History[i]))
                {
                    emission.Move(id, gold[i], 1, step);
                    emission.Move(id, path[i], -1, step);
                }
            }

            var goldPair = ((i == 0 ? labels.Length : gold[i - 1]) * labels.Length) + gold[i];
            var chosenPair = ((i == 0 ? labels.Length : path[i - 1]) * labels.Length) + path[i];
            if (goldPair != chosenPair)
            {
                foreach (var id in sentence.Pairs[i])
                {
                    pairs.Move(id, goldPair, 1, step);
                    pairs.Move(id, chosenPair, -1, step);
                }
            }
        }
    }

    /// <summary>The document's sentences in <see cref="TokenFeatures.TaggingOrder"/>, as tagging sees them.</summary>
    private PreparedSentence[] Prepare(TrainingDocument document, Dictionary<string, int> labelIndex)
    {
        var domain = DomainHash(document.Domain);
        var tokens = document.Sentences.Select(s => s.Tokens).ToList();
        var words = TokenFeatures.NormalisedWords(tokens);
        var modes = TokenFeatures.Modes(tokens);
        var features = TokenFeatures.OfDocument(tokens, words, modes, TokenFeatures.GazetteerMatches(words, gazetteer), gazetteer, clusters);
        var sentences = new List<PreparedSentence>(document.Sentences.Count);
        foreach (var s in TokenFeatures.TaggingOrder(modes))
        {
            var sentence = document.Sentences[s];
            var gold = new int[sentence.Tags.Count];
            for (var i = 0; i < gold.Length; i++)
            {
                if (!labelIndex.TryGetValue(sentence.Tags[i], out gold[i]))
                {
                    throw new InvalidDataException($"Unknown tag '{sentence.Tags[i]}' in the training data; use O or B-/I- with one of {string.Join(", ", EntityTags.Types)}.");
                }
            }

            sentences.Add(new PreparedSentence(
                sentence.Tokens,
                words[s],
                [.. features[s].Select(f => Ids(emission, f, domain))],
                [.. words[s].Select(w => Ids(pairs, [TokenFeatures.PairBias, TokenFeatures.OfPair(w)], domain))],
                gold));
        }

        return [.. sentences];
    }

    private int[] Ids(TrainingWeights table, ulong[] features, ulong domain)
    {
        var ids = new int[features.Length * 2];
        for (var k = 0; k < features.Length; k++)
        {
            var copy = FeatureHash.InDomain(features[k], domain);
            copies.Add(copy);
            ids[2 * k] = table.Id(features[k]);
            ids[(2 * k) + 1] = table.Id(copy);
        }

        return ids;
    }

    private int[][] HistoryIds(PredictionHistory history, PreparedSentence sentence, ulong domain) =>
        [.. sentence.Tokens.Select((t, i) => history.FeatureOf(t, sentence.Words[i]) is { } feature ? Ids(emission, [feature], domain) : [])];

    private sealed record PreparedSentence(IReadOnlyList<string> Tokens, string[] Words, int[][] Emission, int[][] Pairs, int[] Gold)
    {
        /// <summary>The prediction-history features of this pass, which change as the tagger learns.</summary>
        public int[][] History { get; set; } = [];
    }
}
