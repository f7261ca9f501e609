using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;

namespace Newsroom.Extraction;

/// <summary>
/// The event an article leads with, read from its title and first sentences. The first of them with an
/// action that is not negated or background (<see cref="ActionCueFinder"/>) gives the class; its roles come
/// from the entities around the action word (<see cref="EventRoles"/>): the subject is the actor and the
/// object the target, the other way round in the passive ("was arrested by police"). What that sentence
/// lacks comes from the other lead sentences with the same class: a headline's "the US" becomes the text's
/// "US troops", a date is taken from the sentence that tells when.
/// </summary>
public sealed class LeadEventClassifier
{
    private const int LeadSentences = 3;
    private const int MinimumSentenceWords = 6;

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
        ArgumentNullException.ThrowIfNull(titleEntities);
        ArgumentNullException.ThrowIfNull(textEntities);
        ArgumentNullException.ThrowIfNull(textDates);
        var lead = new List<EventRoles>();
        if (title.Trim().Length > 0)
        {
            // Title Case capitalises every word, so there the text's names, found again in the title, are the entities.
            var entities = IsTitleCase(title) ? NamesIn(title, textEntities) : titleEntities;
            AddIfAction(lead, EventRoles.Read(title, new Range(0, title.Length), entities, [], headline: true));
        }

        foreach (var range in SentenceSplitter.Prose(text, MinimumSentenceWords).Take(LeadSentences))
        {
            var (start, end) = (range.Start.Value, range.End.Value);
            AddIfAction(lead, EventRoles.Read(
                text,
                range,
                textEntities.Where(e => e.Start >= start && e.End <= end).ToList(),
                textDates.Where(d => d.Start >= start && d.End <= end).ToList(),
                headline: false));
        }

        if (lead.Count == 0)
        {
            return null;
        }

        var chosen = lead[0];
        var same = lead.Skip(1).Where(r => r.Action == chosen.Action).ToList();
        var actors = same.Prepend(chosen).Select(r => r.Actor).OfType<EventParticipant>().ToList();
        var actor = actors.FirstOrDefault(a => a.EntityId is not null) ?? actors.FirstOrDefault();
        var target = chosen.Target is { } own
            ? same.Select(r => r.Target).FirstOrDefault(t => t is not null && t.SameEntity(own) && t.Text.Length > own.Text.Length) ?? own
            : same.Select(r => r.Target).FirstOrDefault(t => t is not null && !t.SameEntity(actor));
        if (target is not null && actor is not null && actor.SameEntity(target))
        {
            // No one does the act to themselves in a lead: one sentence read the name as the doer, another as the one acted on
            // ("Capaldi cast as the Doctor"). The one acted on is the surer reading; the doer is unknown.
            actor = null;
        }
        return new ArticleLeadEvent(
            actor?.Text ?? string.Empty,
            actor?.EntityId,
            chosen.Action,
            chosen.ActionText,
            target?.Text,
            target?.EntityId,
            chosen.Date ?? same.Select(r => r.Date).FirstOrDefault(d => d is not null));
    }

    private static void AddIfAction(List<EventRoles> lead, EventRoles? roles)
    {
        if (roles is not null)
        {
            lead.Add(roles);
        }
    }

    /// <summary>Headlines In Title Case capitalise every word, so capitals say nothing about names there.</summary>
    private static bool IsTitleCase(string title)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3 && char.IsLetter(w[0])).ToList();
        return words.Count >= 3 && words.Count(w => char.IsUpper(w[0])) >= 0.8 * words.Count;
    }

    /// <summary>The text's entities where their names occur in <paramref name="title"/>, longest names first, with title offsets.</summary>
    private static List<EntityMention> NamesIn(string title, IReadOnlyList<EntityMention> textEntities)
    {
        var found = new List<EntityMention>();
        foreach (var entity in textEntities.DistinctBy(e => e.Text).OrderByDescending(e => e.Text.Length))
        {
            for (var at = title.IndexOf(entity.Text, StringComparison.OrdinalIgnoreCase); at >= 0; at = title.IndexOf(entity.Text, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = at + entity.Text.Length;
                var bounded = (at == 0 || !char.IsLetterOrDigit(title[at - 1])) && (end == title.Length || !char.IsLetterOrDigit(title[end]));
                if (bounded && !found.Any(f => f.Start < end && at < f.End))
                {
                    found.Add(entity with { Text = title[at..end], Start = at, End = end });
                }
            }
        }

        return found.OrderBy(f => f.Start).ToList();
    }
}
