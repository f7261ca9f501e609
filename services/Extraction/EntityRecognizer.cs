using Newsroom.Contracts.V1;

namespace Newsroom.Extraction;

/// <summary>
/// Finds named entities: runs of capitalised words (joined by name particles such as "bin", "de", and by
/// of / in after name heads such as "Ministry of"), split at person titles, then classed by the word, ending
/// and context counts learned from the GMB sample. Titles are not part of person names.
/// </summary>
public sealed class EntityRecognizer
{
    private const double WordSmoothing = 1.0;
    private const double SuffixSmoothing = 4.0;

    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "bin", "ibn", "bint", "de", "da", "del", "der", "van", "von", "du", "la", "le", "al", "el",
    };

    private static readonly HashSet<string> PlaceComplementHeads = new(StringComparer.Ordinal)
    {
        "Resistance", "Front", "Movement", "Revolution", "Church", "Brigades",
    };

    private readonly EntityLexicon lexicon;

    public EntityRecognizer()
        : this(EntityLexicon.Shared)
    {
    }

    internal EntityRecognizer(EntityLexicon lexicon)
    {
        this.lexicon = lexicon;
    }

    public IReadOnlyList<RecognizedEntity> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = WordTokenizer.Tokenize(text);
        var entities = new List<RecognizedEntity>();
        var index = 0;
        while (index < tokens.Count)
        {
            if (!IsNameWord(tokens[index]))
            {
                index++;
                continue;
            }

            var last = ExtendRun(tokens, index);
            foreach (var segment in SplitRun(tokens, index, last))
            {
                var type = Classify(tokens, segment);
                if (type is { } found)
                {
                    var start = tokens[segment.First].Start;
                    var end = tokens[segment.Last].End;
                    entities.Add(new RecognizedEntity(text[start..end], found, start, end));
                }
            }

            index = last + 1;
        }

        return entities;
    }

    private static bool IsNameWord(WordToken token) =>
        token.IsCapitalised && !(token.Text.Length > 6 && token.Text.All(c => !char.IsLower(c)));

    private int ExtendRun(List<WordToken> tokens, int first)
    {
        var last = first;
        while (last + 1 < tokens.Count)
        {
            var next = tokens[last + 1];
            if (next.JoinsPrevious && IsNameWord(next))
            {
                last++;
            }
            else if (next.Gap == "-" && IsTitle(tokens[last]) && IsTitle(next))
            {
                last++;
            }
            else if (next.JoinsPrevious && last + 2 < tokens.Count && tokens[last + 2].JoinsPrevious
                && IsNameWord(tokens[last + 2]) && ConnectorJoins(tokens[last].Text, next.Text))
            {
                last += 2;
            }
            else
            {
                break;
            }
        }

        return last;
    }

    private bool ConnectorJoins(string head, string connector) => connector switch
    {
        "of" or "for" => lexicon.ConnectorHeads.Contains(head) || lexicon.Titles.Contains(head),
        "in" => PlaceComplementHeads.Contains(head),
        _ => NameParticles.Contains(connector),
    };

    private bool IsTitle(WordToken token) => lexicon.Titles.Contains(token.Text);

    private static bool IsConnector(WordToken token) => !token.IsCapitalised;

    /// <summary>Cuts a run at person titles and at words that are almost never names (weekdays, "The").</summary>
    private List<Segment> SplitRun(List<WordToken> tokens, int first, int last)
    {
        var segments = new List<Segment>();
        var endsWithOrganisationHead = lexicon.OrganisationHeads.Contains(tokens[last].Text);
        var start = -1;
        var afterTitle = false;
        for (var i = first; i <= last; i++)
        {
            var token = tokens[i];
            var titleHere = !endsWithOrganisationHead && IsTitle(token) && HasNameAfterTitles(tokens, i, last);
            if (titleHere || IsNeverName(token, i == start || start < 0))
            {
                AddSegment(tokens, segments, start, i - 1, afterTitle);
                start = -1;
                afterTitle = titleHere || (afterTitle && IsConnector(token));
                continue;
            }

            if (start < 0)
            {
                if (IsConnector(token))
                {
                    continue;
                }

                start = i;
            }
        }

        AddSegment(tokens, segments, start, last, afterTitle);
        return segments;
    }

    private bool HasNameAfterTitles(List<WordToken> tokens, int index, int last)
    {
        for (var i = index + 1; i <= last; i++)
        {
            if (!IsTitle(tokens[i]) && !IsConnector(tokens[i]))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsNeverName(WordToken token, bool leading)
    {
        if (!token.IsCapitalised || !lexicon.Words.TryGetValue(token.Text.ToLowerInvariant(), out var counts) || lexicon.OrganisationHeads.Contains(token.Text))
        {
            return false;
        }

        var share = counts.Share(EntityClass.None);
        return leading ? share >= 0.75 && counts.Total >= 3 : share >= 0.9 && counts.Total >= 10;
    }

    private static void AddSegment(List<WordToken> tokens, List<Segment> segments, int first, int last, bool afterTitle)
    {
        if (first < 0)
        {
            return;
        }

        while (last > first && !tokens[last].IsCapitalised)
        {
            last--;
        }

        if (last >= first)
        {
            segments.Add(new Segment(first, last, afterTitle));
        }
    }

    private EntityType? Classify(List<WordToken> tokens, Segment segment)
    {
        var first = tokens[segment.First];
        var single = segment.First == segment.Last;
        var lastWord = tokens[segment.Last].Text;
        var known = lexicon.Words.ContainsKey(first.Text.ToLowerInvariant());
        if (single && first.StartsSentence && !known && !first.IsAcronym)
        {
            // A sentence-initial word nobody has seen as a name is more likely an ordinary word.
            return null;
        }

        if (single && first.IsAcronym && first.StartsSentence && segment.Last + 1 < tokens.Count && tokens[segment.Last + 1].Gap.StartsWith(':'))
        {
            // A kicker such as "READ:" or "OPINION:".
            return null;
        }

        if (segment.AfterTitle)
        {
            return lexicon.OrganisationHeads.Contains(lastWord) ? EntityType.Organization : EntityType.Person;
        }

        var scores = new double[ClassCounts.ClassCount];
        var prior = lexicon.Prior;
        for (var i = segment.First; i <= segment.Last; i++)
        {
            var token = tokens[i];
            if (!token.IsCapitalised)
            {
                continue;
            }

            var distribution = WordDistribution(token);
            for (var k = 0; k < scores.Length; k++)
            {
                scores[k] += Math.Log(distribution[k]) - Math.Log(prior.Share((EntityClass)k));
            }
        }

        if (ContextOf(tokens, segment.First) is { } context)
        {
            for (var k = 0; k < scores.Length; k++)
            {
                var p = (context.Counts[k] + (WordSmoothing * prior.Share((EntityClass)k))) / (context.Total + WordSmoothing);
                scores[k] += Math.Log(p) - Math.Log(prior.Share((EntityClass)k));
            }
        }

        for (var k = 0; k < scores.Length; k++)
        {
            scores[k] += Math.Log(prior.Share((EntityClass)k));
        }

        if (HasOrganisationHead(tokens, segment))
        {
            scores[(int)EntityClass.Organisation] += 3;
        }

        if (single && first.IsAcronym && !known)
        {
            scores[(int)EntityClass.Organisation] += 2;
        }

        var best = 0;
        for (var k = 1; k < scores.Length; k++)
        {
            if (scores[k] > scores[best])
            {
                best = k;
            }
        }

        return (EntityClass)best switch
        {
            EntityClass.Person => EntityType.Person,
            EntityClass.Organisation => EntityType.Organization,
            EntityClass.Place or EntityClass.Nationality => EntityType.Location,
            EntityClass.Other => EntityType.Other,
            _ => null,
        };
    }

    /// <summary>An organisation head ends the name or comes before its complement ("Resistance of Iraq").</summary>
    private bool HasOrganisationHead(List<WordToken> tokens, Segment segment)
    {
        for (var i = segment.First; i <= segment.Last; i++)
        {
            if (lexicon.OrganisationHeads.Contains(tokens[i].Text) && (i == segment.Last || !tokens[i + 1].IsCapitalised))
            {
                return true;
            }
        }

        return false;
    }

    private double[] WordDistribution(WordToken token)
    {
        var prior = lexicon.Prior;
        var result = new double[ClassCounts.ClassCount];
        var word = token.Text.ToLowerInvariant();
        ClassCounts? counts;
        double smoothing;
        if (lexicon.Words.TryGetValue(word, out counts))
        {
            smoothing = WordSmoothing;
        }
        else
        {
            var name = word[WordToken.NameStart(word)..];
            smoothing = SuffixSmoothing;
            if (name.Length <= 3 || !lexicon.Suffixes.TryGetValue(name[^3..], out counts))
            {
                counts = null;
            }
        }

        for (var k = 0; k < result.Length; k++)
        {
            // Unknown capitalised words are rarely ordinary words: those are in the word list.
            var share = k == (int)EntityClass.None && counts is null ? prior.Share(EntityClass.None) * 0.2 : prior.Share((EntityClass)k);
            result[k] = counts is null ? share : (counts.Counts[k] + (smoothing * share)) / (counts.Total + smoothing);
        }

        return result;
    }

    private ClassCounts? ContextOf(List<WordToken> tokens, int index)
    {
        var token = tokens[index];
        if (token.StartsSentence)
        {
            return lexicon.ContextBefore.GetValueOrDefault("<s>");
        }

        var gap = token.Gap.Trim();
        if (gap.Length > 0)
        {
            return lexicon.ContextBefore.GetValueOrDefault(gap[^1..]);
        }

        return index > 0 ? lexicon.ContextBefore.GetValueOrDefault(tokens[index - 1].Text.ToLowerInvariant()) : null;
    }

    private readonly record struct Segment(int First, int Last, bool AfterTitle);
}
