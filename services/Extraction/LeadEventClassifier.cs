using System.Text.RegularExpressions;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;

namespace Newsroom.Extraction;

/// <summary>
/// The event an article leads with, read from its title and first sentences. The first sentence with an
/// action word (the title first) gives the action class; the earliest action word in it wins, and at one
/// position the longer phrase ("warns the US to withdraw" is a demand, not a threat). The actor is the
/// first organisation or person before the action word there, else the lead's first such subject; the
/// target is the first entity after it; the date is the first date in a lead sentence with the same action.
/// </summary>
public sealed partial class LeadEventClassifier
{
    private const int LeadSentences = 5;
    private const int MinimumSentenceWords = 6;

    private static readonly (EventAction Action, Regex Pattern)[] Cues =
    [
        (EventAction.Suspend, SuspendCue()),
        (EventAction.Resume, ResumeCue()),
        (EventAction.Demand, DemandCue()),
        (EventAction.Condemn, CondemnCue()),
        (EventAction.Threaten, ThreatenCue()),
        (EventAction.Attack, AttackCue()),
    ];

    private static readonly HashSet<string> TargetHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "forces", "troops", "soldiers", "military", "base", "bases", "personnel", "embassy", "interests", "positions", "government",
    };

    [GeneratedRegex(@"\b(?:suspen(?:d|ds|ded|ding|sion)|halt(?:s|ed|ing)?|paus(?:e|es|ed|ing)|freez(?:e|es|ing)|froze)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SuspendCue();

    [GeneratedRegex(@"\b(?:resum(?:e|es|ed|ing)|resumption|restart(?:s|ed|ing)?|return(?:s|ed|ing)? to (?:(?:its|their|the)\s+)?(?:\w+\s+)?(?:attacks|operations|strikes|fighting|talks|hostilities))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResumeCue();

    [GeneratedRegex(@"\b(?:demand(?:s|ed|ing)?|call(?:s|ed|ing)? (?:for|on)|urg(?:e|es|ed|ing)|(?:warn|tell|order)(?:s|ed|ing)?\s+(?:[\w’'-]+\s+){1,4}?to (?:withdraw|leave|stop|end|halt|pull out|release|cease|quit))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DemandCue();

    [GeneratedRegex(@"\b(?:condemn(?:s|ed|ing|ation)?|denounc(?:e|es|ed|ing)|rebuk(?:e|es|ed|ing)|criticis(?:e|es|ed|ing)|criticiz(?:e|es|ed|ing)|slam(?:s|med)?|vow(?:s|ed|ing)? (?:revenge|vengeance|to avenge))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CondemnCue();

    [GeneratedRegex(@"\b(?:threat(?:en|ens|ened|ening)|warn(?:s|ed|ing)?|vow(?:s|ed|ing)? to retaliate)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThreatenCue();

    [GeneratedRegex(@"\b(?:attack(?:s|ed|ing)?|strikes?|struck|bomb(?:s|ed|ing)?|shell(?:s|ed|ing)|raid(?:s|ed)?|air ?strikes?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AttackCue();

    [GeneratedRegex(@"\G(?:\s+(?:of\s+)?[\p{Ll}-]+){0,4}?\s+(?:attacks|operations|strikes|talks|activities|hostilities|withdrawal|revenge|fire)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ActionObject();

    [GeneratedRegex(@"\G\s+(?<first>[\p{Ll}-]+)(?:\s+(?<second>\p{Ll}+))?\b", RegexOptions.CultureInvariant)]
    private static partial Regex TargetHead();

    /// <param name="title">The headline; entity offsets in <paramref name="titleEntities"/> refer to it.</param>
    /// <param name="text">The article text; offsets in <paramref name="textEntities"/> and <paramref name="textDates"/> refer to it.</param>
    public ArticleLeadEvent? Classify(
        string title,
        IReadOnlyList<EntityMention> titleEntities,
        string text,
        IReadOnlyList<EntityMention> textEntities,
        IReadOnlyList<DateMention> textDates)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(text);
        var lead = new List<LeadSentence>();
        if (title.Length > 0 && !IsTitleCase(title))
        {
            lead.Add(new LeadSentence(title, new Range(0, title.Length), titleEntities, []));
        }

        foreach (var range in SentenceSplitter.Prose(text, MinimumSentenceWords).Take(LeadSentences))
        {
            var (start, end) = (range.Start.Value, range.End.Value);
            lead.Add(new LeadSentence(
                text,
                range,
                textEntities.Where(e => e.Start >= start && e.End <= end).ToList(),
                textDates.Where(d => d.Start >= start && d.End <= end).ToList()));
        }

        var cues = lead.Select(FirstCue).ToList();
        for (var index = 0; index < lead.Count; index++)
        {
            var sentence = lead[index];
            if (cues[index] is not { } cue)
            {
                continue;
            }

            var actor = sentence.Entities.FirstOrDefault(e => IsAgent(e) && e.End <= cue.Match.Index)
                ?? lead.Select((s, i) => cues[i] is { } c ? s.Entities.FirstOrDefault(e => IsAgent(e) && e.End <= c.Match.Index) : null).FirstOrDefault(e => e is not null)
                ?? lead.SelectMany(s => s.Entities).FirstOrDefault(IsAgent);
            var target = sentence.Entities.FirstOrDefault(e => e.Start > cue.Match.Index && e.CanonicalId != actor?.CanonicalId);
            var date = lead
                .Where(s => s.Dates.Count > 0 && FirstCueOf(s, cue.Action) is not null)
                .Select(s => (DateOnly?)s.Dates[0].Date)
                .FirstOrDefault();
            return new ArticleLeadEvent(
                actor?.Text ?? string.Empty,
                actor?.CanonicalId,
                cue.Action,
                ActionText(sentence.Source, cue.Match),
                target is null ? null : TargetText(sentence.Source, target),
                target?.CanonicalId,
                date);
        }

        return null;
    }

    private static bool IsAgent(EntityMention mention) => mention.Type is EntityType.Organization or EntityType.Person;

    /// <summary>Headlines In Title Case capitalise every word, so capitals say nothing about names there.</summary>
    private static bool IsTitleCase(string title)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3 && char.IsLetter(w[0])).ToList();
        return words.Count >= 3 && words.Count(w => char.IsUpper(w[0])) >= 0.8 * words.Count;
    }

    private static (EventAction Action, Match Match)? FirstCue(LeadSentence sentence)
    {
        (EventAction Action, Match Match)? best = null;
        foreach (var (action, pattern) in Cues)
        {
            var match = pattern.Match(sentence.Source, sentence.Range.Start.Value, sentence.Range.End.Value - sentence.Range.Start.Value);
            if (match.Success && (best is null || match.Index < best.Value.Match.Index
                || (match.Index == best.Value.Match.Index && match.Length > best.Value.Match.Length)))
            {
                best = (action, match);
            }
        }

        return best;
    }

    private static Match? FirstCueOf(LeadSentence sentence, EventAction action)
    {
        var pattern = Cues.First(c => c.Action == action).Pattern;
        var match = pattern.Match(sentence.Source, sentence.Range.Start.Value, sentence.Range.End.Value - sentence.Range.Start.Value);
        return match.Success ? match : null;
    }

    /// <summary>The action words and, when it follows closely, what is acted on ("suspends operations").</summary>
    private static string ActionText(string source, Match cue)
    {
        var objectMatch = ActionObject().Match(source, cue.Index + cue.Length);
        return objectMatch.Success ? source[cue.Index..(objectMatch.Index + objectMatch.Length)] : cue.Value;
    }

    /// <summary>The target entity with the noun it modifies, when it modifies one ("US forces", "US occupation forces").</summary>
    private static string TargetText(string source, EntityMention target)
    {
        var words = TargetHead().Match(source, target.End);
        foreach (var group in new[] { words.Groups["first"], words.Groups["second"] })
        {
            if (group.Success && TargetHeads.Contains(group.Value))
            {
                return source[target.Start..(group.Index + group.Length)];
            }
        }

        return target.Text;
    }

    private sealed record LeadSentence(string Source, Range Range, IReadOnlyList<EntityMention> Entities, IReadOnlyList<DateMention> Dates);
}
