using Newsroom.Contracts.V1;
using Xunit.Abstractions;

namespace Newsroom.Extraction.Tests;

/// <summary>
/// Span-level scores on the GMB sample. The word lists were derived from sentences numbered mod 5 != 0
/// (development); sentences numbered mod 5 == 0 are held out and are what the floor guards.
/// GMB per -> person, org -> organisation, geo and gpe -> location; tim, art, eve and nat are not scored.
/// GMB puts titles inside person spans ("President Bush"); the recogniser leaves them out, so leading
/// title words are removed from gold person spans before comparing.
/// </summary>
public sealed class EntityRecognizerCorpusTests(ITestOutputHelper output)
{
    private static readonly EntityType[] ScoredTypes = [EntityType.Person, EntityType.Organization, EntityType.Location];

    [CorpusFact]
    public void Held_out_GMB_sentences_score_above_the_floor()
    {
        var sentences = GmbCorpus.Read(RepositoryPaths.CorpusFile("ner", "gmb-partial.csv"));
        var recognizer = new EntityRecognizer();
        var development = Score(recognizer, sentences.Where(s => s.Number % 5 != 0));
        var test = Score(recognizer, sentences.Where(s => s.Number % 5 == 0));
        Report("dev", development);
        Report("test", test);

        Assert.True(test[EntityType.Unspecified].F1 >= 0.60, $"held-out overall F1 {test[EntityType.Unspecified].F1:F3} fell below 0.60");
        Assert.True(test[EntityType.Location].F1 >= 0.70, $"held-out location F1 {test[EntityType.Location].F1:F3} fell below 0.70");
        Assert.True(test[EntityType.Person].F1 >= 0.50, $"held-out person F1 {test[EntityType.Person].F1:F3} fell below 0.50");
        Assert.True(test[EntityType.Organization].F1 >= 0.35, $"held-out organisation F1 {test[EntityType.Organization].F1:F3} fell below 0.35");
    }

    private void Report(string split, Dictionary<EntityType, SpanScore> scores)
    {
        foreach (var (type, score) in scores)
        {
            output.WriteLine($"{split} {(type == EntityType.Unspecified ? "overall" : type.ToString())}: {score}");
        }
    }

    private static Dictionary<EntityType, SpanScore> Score(EntityRecognizer recognizer, IEnumerable<GmbSentence> sentences)
    {
        var scores = ScoredTypes.Append(EntityType.Unspecified).ToDictionary(t => t, _ => new SpanScore());
        foreach (var sentence in sentences)
        {
            var gold = sentence.Gold
                .Select(span => (Type: TypeOf(span.Class), Span: WithoutTitles(sentence.Text, span)))
                .Where(g => g.Type != EntityType.Unspecified)
                .Select(g => (g.Type, g.Span.Start, g.Span.End))
                .ToHashSet();
            var predicted = recognizer.Recognize(sentence.Text)
                .Where(e => ScoredTypes.Contains(e.Type))
                .Select(e => (e.Type, e.Start, e.End))
                .ToHashSet();
            foreach (var type in ScoredTypes)
            {
                var g = gold.Where(x => x.Type == type).ToHashSet();
                var p = predicted.Where(x => x.Type == type).ToHashSet();
                var hits = p.Count(g.Contains);
                foreach (var score in new[] { scores[type], scores[EntityType.Unspecified] })
                {
                    score.TruePositives += hits;
                    score.FalsePositives += p.Count - hits;
                    score.FalseNegatives += g.Count - hits;
                }
            }
        }

        return scores;
    }

    private static EntityType TypeOf(string gmbClass) => gmbClass switch
    {
        "per" => EntityType.Person,
        "org" => EntityType.Organization,
        "geo" or "gpe" => EntityType.Location,
        _ => EntityType.Unspecified,
    };

    private static (int Start, int End) WithoutTitles(string text, GmbSpan span)
    {
        var start = span.Start;
        if (span.Class != "per")
        {
            return (start, span.End);
        }

        var titles = EntityLexicon.Shared.Titles;
        while (true)
        {
            var space = text.IndexOf(' ', start, span.End - start);
            if (space < 0)
            {
                return (start, span.End);
            }

            var word = text[start..space];
            if (!titles.Contains(word) && word is not ("of" or "for"))
            {
                return (start, span.End);
            }

            start = space + 1;
        }
    }
}
