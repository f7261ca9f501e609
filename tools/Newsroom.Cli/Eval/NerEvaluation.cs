using Newsroom.Extraction.Tagging;

namespace Newsroom.Cli.Eval;

/// <summary>
/// Tags every document of a CoNLL file with the tagger, which sees the tokens only, and scores the
/// names strictly per type against the gold column, as conlleval does.
/// </summary>
internal sealed class NerEvaluation
{
    /// <summary>The types the headline figure is over: MISC's boundaries differ most between corpora.</summary>
    public static readonly IReadOnlyList<string> MainTypes = ["PER", "ORG", "LOC"];

    public Dictionary<string, EntityScore> ByType { get; } = new(StringComparer.Ordinal);

    public List<string> Predicted { get; } = [];

    public int Documents { get; private set; }

    public int Tokens { get; private set; }

    public EntityScore Over(IEnumerable<string> types)
    {
        var total = new EntityScore();
        foreach (var type in types)
        {
            total.Add(ByType.GetValueOrDefault(type) ?? new EntityScore());
        }

        return total;
    }

    public void Add(ConllDocument document, string[][] predicted)
    {
        Documents++;
        for (var s = 0; s < document.Tokens.Count; s++)
        {
            Tokens += document.Tokens[s].Count;
            Predicted.AddRange(predicted[s]);
            var gold = EntitySpans.Of(document.Tags[s]).ToHashSet();
            var guessed = EntitySpans.Of(predicted[s]).ToHashSet();
            foreach (var span in gold.Union(guessed))
            {
                var score = Score(span.Type);
                var inGold = gold.Contains(span);
                var inGuess = guessed.Contains(span);
                if (inGold && inGuess)
                {
                    score.TruePositives++;
                }
                else if (inGuess)
                {
                    score.FalsePositives++;
                }
                else
                {
                    score.FalseNegatives++;
                }
            }
        }
    }

    public static NerEvaluation Run(EntityTagger tagger, IReadOnlyList<ConllDocument> documents, Action<int>? documentDone, CancellationToken cancellationToken)
    {
        var evaluation = new NerEvaluation();
        foreach (var document in documents)
        {
            var predicted = tagger.Tag(document.Tokens, cancellationToken);
            evaluation.Add(document, predicted);
            documentDone?.Invoke(evaluation.Documents);
        }

        return evaluation;
    }

    private EntityScore Score(string type)
    {
        if (!ByType.TryGetValue(type, out var score))
        {
            score = new EntityScore();
            ByType[type] = score;
        }

        return score;
    }
}
