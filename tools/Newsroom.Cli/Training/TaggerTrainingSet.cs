using Newsroom.Cli.Eval;
using Newsroom.Extraction.Tagging;

namespace Newsroom.Cli.Training;

/// <summary>
/// Assembles the tagger's training documents. GMB sentences come in runs of consecutive sentences, which
/// stand in for documents so that the document-casing features see other sentences; CoNLL-format
/// sentences (WikiANN) are documents of their own. Headlines are taught by copies, tagged the same: some
/// documents open with their first sentence in capitals or in title case, as news headlines look beside
/// their story. A headline repeats some of its story's words and not others, so half the capitals lines
/// come before their sentence and half stand in for it. Trained on copies alone, the tagger read capitals
/// by the sentence beside them, which whole documents in capitals lack (GMB held-out halves set in
/// capitals: 0.762 and 0.774 F1, against 0.803 and 0.804 with half standing alone); trained on lines
/// standing alone, it read headlines that do repeat their sentence worse (0.897 and 0.863 against 0.942 and
/// 0.897).
/// </summary>
internal static class TaggerTrainingSet
{
    /// <summary>The domain news is tagged in: GMB is Voice of America news.</summary>
    public const string NewsDomain = "news";

    private const string OtherDomain = "wiki";

    /// <summary>GMB runs of this many consecutive sentences stand in for documents.</summary>
    public const int GmbDocumentSentences = 20;

    private static readonly HashSet<string> HeadlineLowerWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as",
    };

    /// <param name="sportsReports">
    /// Generated sports reports (<see cref="SportsCopyWriter"/>), news without headline copies: a town in capitals
    /// at the head of a report is a club, and copies taught the tagger to read all-caps towns as organisations
    /// (GMB documents in capitals fell from 0.75 to 0.70 F1).
    /// </param>
    public static List<TrainingDocument> Build(IEnumerable<TrainingSentence> gmbSentences, IEnumerable<ConllDocument> conllDocuments, IEnumerable<IReadOnlyList<TrainingSentence>> sportsReports)
    {
        var documents = new List<TrainingDocument>();
        foreach (var (chunk, index) in gmbSentences.Chunk(GmbDocumentSentences).Select((c, i) => (c, i)))
        {
            documents.Add(new TrainingDocument(NewsDomain, WithHeadline(chunk, index)));
        }

        documents.AddRange(sportsReports.Select(report => new TrainingDocument(NewsDomain, report)));

        var conllIndex = 0;
        foreach (var sentence in conllDocuments.SelectMany(d => d.Tokens.Zip(d.Tags, (tokens, tags) => new TrainingSentence(tokens, EntitySpans.ToIob2(tags)))))
        {
            documents.Add(new TrainingDocument(OtherDomain, [sentence]));
            if (conllIndex++ % 10 == 0)
            {
                documents.Add(new TrainingDocument(OtherDomain, [AllCaps(sentence)]));
            }
        }

        return documents;
    }

    private static TrainingSentence[] WithHeadline(TrainingSentence[] chunk, int index) => (index % 4) switch
    {
        0 => [AllCaps(chunk[0]), .. chunk[1..]],
        2 => [AllCaps(chunk[0]), .. chunk],
        1 => [TitleCase(chunk[0]), .. chunk],
        _ => chunk,
    };

    private static TrainingSentence AllCaps(TrainingSentence sentence) =>
        sentence with { Tokens = [.. sentence.Tokens.Select(t => t.ToUpperInvariant())] };

    private static TrainingSentence TitleCase(TrainingSentence sentence) =>
        sentence with
        {
            Tokens = [.. sentence.Tokens.Select((t, i) => t.Length > 0 && char.IsLower(t[0]) && (i == 0 || !HeadlineLowerWords.Contains(t))
                ? char.ToUpperInvariant(t[0]) + t[1..]
                : t)],
        };
}
