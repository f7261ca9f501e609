using System.Globalization;
using System.Text.RegularExpressions;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;

namespace Newsroom.Extraction;

/// <summary>
/// The event one sentence tells: the action word and the entities around it. The actor is the subject,
/// the first person or organisation before the action (a country when there is none) that is neither in a
/// prepositional phrase ("in Baghdad") nor a possessive modifier ("Iraq's"), in the action's own clause when that
/// clause names one ("... as Rovers beat Albion"); the target is the first entity
/// after it that is not a place where it happened. A passive swaps them: "Smith was arrested by police".
/// </summary>
internal sealed partial record EventRoles(EventAction Action, string ActionText, EventParticipant? Actor, EventParticipant? Target, DateOnly? Date)
{
    private const int TargetWindow = 15;
    private const int AgentWindow = 6;

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "in", "at", "on", "from", "near", "to", "for", "with", "of", "against", "by", "into", "across", "outside", "inside",
        "toward", "towards", "over", "under", "between", "throughout", "during", "within", "around", "about", "like", "than",
    };

    /// <summary>Where an event happened is no target of it: "killed three in Baghdad".</summary>
    private static readonly HashSet<string> Locatives = new(StringComparer.Ordinal)
    {
        "in", "at", "near", "from", "outside", "inside", "across", "throughout", "during", "within", "around", "by",
    };

    private static readonly HashSet<string> TargetHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "forces", "troops", "soldiers", "military", "base", "bases", "personnel", "embassy", "interests", "positions", "government",
        "officials", "convoy", "ships", "vessels", "army", "police", "headquarters", "consulate", "navy", "warships",
        "members", "citizens", "nationals", "civilians", "workers", "officers", "staff",
    };

    private static readonly string[] DemonymEndings = ["ian", "ese", "ish", "ean", "can", "qi", "li", "ni", "di", "ti", "ki"];

    /// <summary>Function words and verbs that follow a subject, so the name before them is the subject itself.</summary>
    private static readonly HashSet<string> NotNouns = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "or", "but", "has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "can",
        "may", "might", "must", "should", "did", "does", "do", "also", "said", "says", "to", "who", "which", "that", "it", "he",
        "she", "they", "we", "you", "i", "this", "there", "then", "not", "been", "being", "be", "on", "in", "at", "for", "with",
        "from", "of", "by", "as", "its", "their", "his", "her", "our", "today", "yesterday", "reportedly", "officially", "agreed",
        "decided", "plans", "wants", "tried", "sought", "later", "first", "again", "now", "still", "just", "both", "all",
    };

    /// <summary>
    /// Words of time, which come before a verb ("on Tuesday killed") without doing it: the day and month names
    /// of the invariant culture, "may" left out as a modal too, and the parts of a day or a year.
    /// </summary>
    private static readonly HashSet<string> TimeWords =
    [
        .. CultureInfo.InvariantCulture.DateTimeFormat.DayNames
            .Concat(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames)
            .Where(name => name.Length > 0 && name != "May")
            .Select(name => name.ToLowerInvariant()),
        "tonight", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year", "late", "early",
    ];

    /// <summary>Words that open a clause with an event of its own: a date after them is that event's.</summary>
    private static readonly HashSet<string> ClauseOpeners = new(StringComparer.Ordinal)
    {
        "who", "whom", "whose", "which", "when", "since", "after", "before", "while", "until", "because",
    };

    /// <summary>People a place name can say the origin of ("a Queens woman"); not forces or officials, who act for the place.</summary>
    private static readonly HashSet<string> PersonNouns = new(StringComparer.Ordinal)
    {
        "man", "men", "woman", "women", "teen", "teens", "teenager", "teenagers", "boy", "boys", "girl", "girls", "mother",
        "father", "couple", "family", "resident", "residents", "student", "students", "inmate", "inmates", "driver", "native",
    };

    /// <summary>Who tells the news rather than makes it: "the Reuters correspondent heard an explosion".</summary>
    private static readonly HashSet<string> Reporters = new(StringComparer.Ordinal)
    {
        "correspondent", "correspondents", "reporter", "reporters", "journalist", "journalists", "witness", "witnesses",
        "photographer", "cameraman", "columnist", "editor", "analyst", "analysts",
    };

    /// <summary>Verbs whose subject undergoes the act named after them.</summary>
    private static readonly HashSet<string> Undergoing = new(StringComparer.Ordinal)
    {
        "face", "faces", "faced", "facing", "draw", "draws", "drew", "drawn", "drawing", "receive", "receives", "received",
        "suffer", "suffers", "suffered", "suffering", "under", "endure", "endured", "survive", "survived", "survives",
    };

    /// <summary>Verbs of saying, whose object clause has a doer of its own.</summary>
    private static readonly HashSet<string> Saying = new(StringComparer.Ordinal)
    {
        "said", "says", "say", "told", "tells", "reported", "reports", "claims", "claimed", "claim", "confirmed", "confirms", "confirm",
    };

    /// <summary>Subjects that stand for a name said before them.</summary>
    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal) { "it", "they", "he", "she", "we", "its", "their", "his", "her" };

    /// <summary>Words that open a clause with a subject of its own.</summary>
    private static readonly HashSet<string> Subordinators = new(StringComparer.Ordinal)
    {
        "as", "when", "while", "because", "although", "though", "whereas", "if",

        // "South Sudan accuses Sudan of bombing a camp": the act is the accused's.
        "accuse", "accuses", "accusing", "blame", "blames", "blaming",
    };

    [GeneratedRegex(@"[:;]\s", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"\G\s+(\p{L}+)", RegexOptions.CultureInvariant)]
    private static partial Regex NextWord();

    [GeneratedRegex(@"\G(?:\s+(?:of\s+)?[\p{Ll}-]+){0,4}?\s+(?:attacks|operations|strikes|talks|activities|hostilities|withdrawal|revenge|fire)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ActionObject();

    [GeneratedRegex(@"\G\s+(?<first>[\p{Ll}-]+)(?:\s+(?<second>\p{Ll}+))?\b", RegexOptions.CultureInvariant)]
    private static partial Regex TargetHead();

    /// <param name="headline">Whether the range is a headline, whose grammar drops auxiliaries ("Smith arrested").</param>
    public static EventRoles? Read(string source, Range range, IReadOnlyList<EntityMention> entities, IReadOnlyList<DateMention> dates, bool headline)
    {
        var tokens = LeadToken.Tokenize(source, range);
        var ordered = entities.OrderBy(e => e.Start).ToList();
        if (ActionCueFinder.Find(
                tokens,
                index => ordered.Any(e => e.Start == tokens[index].Start && e.Type == EntityType.Person),
                index => ordered.Any(e => e.Start <= tokens[index].Start && tokens[index].End <= e.End),
                headline) is not { } cue)
        {
            return null;
        }

        var cueStart = tokens[cue.First].Start;
        var cueEnd = tokens[cue.Last].End;
        var before = ordered.Where(e => e.End <= cueStart).ToList();
        var windowEnd = tokens[Math.Min(tokens.Count - 1, cue.Last + TargetWindow)].End;
        var after = ordered.Where(e => e.Start >= cueEnd && e.Start < windowEnd).ToList();
        var agent = after.FirstOrDefault(e => e.Start < tokens[Math.Min(tokens.Count - 1, cue.Last + AgentWindow)].End && WordBefore(tokens, e, skipArticle: true) == "by");
        // "Israel's attacks on schools", "the singer's death": a name whose the act is does it, or died.
        // An action word after a possessive is a noun, whatever else it can be ("attacks").
        var subject = (cue.IsPassive ? null : Possessor(source, tokens, before, cue.First)) ?? Subject(tokens, source, before, cue.First, cue.Word.IsVerb);
        // "Attacks by the Houthis": who does an act named by a noun is its agent, whoever the sentence's subject is. A
        // present form before "by" is a plural noun ("reported attacks by"), as no active verb takes "by" next.
        var named = !cue.Word.IsVerb || (cue.Word.Form == WordForm.Present && cue.Last + 1 < tokens.Count && tokens[cue.Last + 1].Lower == "by");
        var (actor, target) = cue.IsPassive || (named && agent is not null)
            ? (agent, cue.IsPassive ? NamedPerson(source, subject, ordered) : Object(source, tokens, after, agent, ordered))
            : (subject, Object(source, tokens, after, subject, ordered));
        if (!cue.Word.IsVerb && ReceivedAt(tokens, cue.First) is { } verb)
        {
            // "The United States faced criticism", "the school suffered an attack": the subject is acted on, not the doer.
            (actor, target) = (agent, subject is not null && subject.End >= tokens[Math.Max(0, verb - 1)].Start ? subject : null);
        }

        if (cue.Action == EventAction.Die)
        {
            // Who died is the subject, or follows the noun: "the death of the singer"; a place dies no death ("Brooklyn riot over teen's death").
            (actor, target) = (cue.IsPassive ? target : actor ?? (cue.Word.IsVerb ? null : after.FirstOrDefault(e => WordBefore(tokens, e) == "of")), null);
            actor = actor?.Type == EntityType.Location ? null : actor;
        }

        return new EventRoles(
            cue.Action,
            WordsOfAction(source, cueStart, cueEnd),
            actor is null ? CommonSubject(source, tokens, cue) : new EventParticipant(actor.Text, actor.CanonicalId),
            target is null ? null : new EventParticipant(TargetText(source, target), target.CanonicalId),
            (dates.FirstOrDefault(d => d.Start >= cueEnd && !InClauseAfter(tokens, cue.Last, d.Start)) ?? dates.LastOrDefault(d => d.End <= cueStart))?.Date);
    }

    /// <summary>
    /// Whether a relative or time clause opens between the action and <paramref name="position"/>: the date in
    /// "fired O'Brien, who was hired on April 21, 2004" tells the clause's event, not the firing.
    /// </summary>
    private static bool InClauseAfter(List<LeadToken> tokens, int cueLast, int position)
    {
        for (var i = cueLast + 1; i < tokens.Count && tokens[i].Start < position; i++)
        {
            if (ClauseOpeners.Contains(tokens[i].Lower))
            {
                return true;
            }
        }

        return false;
    }

    private static EntityMention? Subject(List<LeadToken> tokens, string source, List<EntityMention> before, int cueFirst, bool cueIsVerb)
    {
        var candidates = before
            .Where((e, i) => !Prepositions.Contains(WordBefore(tokens, e)) && !IsPossessiveModifier(tokens, e, before.ElementAtOrDefault(i + 1), source) && !IsModifier(source, e, before))
            .ToList();

        // An action in a clause of its own has that clause's subject: "Whitfield throws for 205 yards as Rovers beat Albion".
        // When a pronoun stands for it ("the group said as it attacked"), the sentence's subject is the clause's; when a
        // common noun does ("as Emily Feng reports, authorities in Beijing announced"), no name of the sentence is.
        if (ClauseStart(source, tokens, cueFirst) is { } clauseStart)
        {
            var inClause = candidates.Where(e => e.Start >= clauseStart).ToList();
            var opener = tokens.FirstOrDefault(t => t.Start >= clauseStart && t.Start < tokens[cueFirst].Start).Lower;
            if (inClause.Any(e => Acts(tokens, e)) || !Pronouns.Contains(opener ?? string.Empty))
            {
                candidates = inClause;
            }
        }

        // "The coroner's office said John Barnett died", "the ministry said the Front attacked": what is reported is the
        // doing of the name that acts after the verb of saying; without one ("said on Tuesday it would"), the sayer's.
        if (cueIsVerb && ReportedSubjectAt(tokens, cueFirst) is { } reported && candidates.FirstOrDefault(e => e.Start == reported) is { } doer)
        {
            candidates = [doer];
        }

        return candidates.FirstOrDefault(e => e.Type is EntityType.Organization or EntityType.Person)
            ?? candidates.FirstOrDefault(e => Acts(tokens, e));
    }

    /// <summary>The name in the possessive just before an action noun, with at most a few lower-case words, figures or names between ("Israel's unacceptable attacks").</summary>
    private static EntityMention? Possessor(string source, List<LeadToken> tokens, List<EntityMention> before, int cueFirst)
    {
        for (var i = cueFirst - 1; i >= 0 && i >= cueFirst - 4; i--)
        {
            if (before.LastOrDefault(e => e.End > tokens[i].Start && e.End <= tokens[i].End) is { } owner && IsPossessive(source, owner.End))
            {
                return owner.Type is EntityType.Organization or EntityType.Person or EntityType.Location ? owner : null;
            }

            // "AMD's $5.4bn acquisition", "AMD's ATI acquisition": figures and another name may stand between.
            if (!char.IsLower(source[tokens[i].Start]) && !char.IsDigit(source[tokens[i].Start]) && !before.Any(e => e.Start <= tokens[i].Start && e.End >= tokens[i].End))
            {
                return null;
            }
        }

        return null;
    }

    private static bool IsPossessive(string source, int end) =>
        end + 1 < source.Length && source[end] is '\'' or '’' && (source[end + 1] == 's' || source[end - 1] == 's');

    /// <summary>The verb of undergoing just before an action noun ("faced stiff criticism", "came under attack"), with at most five words between; null when there is none.</summary>
    private static int? ReceivedAt(List<LeadToken> tokens, int cueFirst)
    {
        for (var i = cueFirst - 1; i >= 0 && i >= cueFirst - 6 && !tokens[i + 1].AfterBoundary; i--)
        {
            if (Undergoing.Contains(tokens[i].Lower))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>A place acts only from the subject position: "Israel struck", "as Israel struck", not "a strike in Gaza's north killed".</summary>
    private static bool Acts(List<LeadToken> tokens, EntityMention entity) =>
        entity.Type is EntityType.Organization or EntityType.Person
        || (entity.Type == EntityType.Location && WordBefore(tokens, entity) is var before && (before is "" or "the" || Subordinators.Contains(before)));

    /// <summary>
    /// Where the clause of the action word starts: just after the last subordinating word before it, or the last colon or
    /// semicolon ("Hong Kong chaos: China warns protesters"), if any.
    /// </summary>
    private static int? ClauseStart(string source, List<LeadToken> tokens, int cueFirst)
    {
        for (var i = cueFirst; i > 0; i--)
        {
            if (tokens[i].AfterBoundary && ClauseBreak().IsMatch(source.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End)))
            {
                return tokens[i - 1].End;
            }

            // "as well as" and "such as" join names; they open no clause.
            if (i < cueFirst && Subordinators.Contains(tokens[i].Lower)
                && !(tokens[i].Lower == "as" && (tokens[i - 1].Lower is "well" or "such" || tokens[i + 1].Lower == "well")))
            {
                return tokens[i].End;
            }
        }

        return null;
    }

    /// <summary>
    /// Where the subject of the words a verb of saying reports starts: the first word after the verb, past "that", "the"
    /// and the time ("said on Sunday that"); null when no verb of saying comes before the action in its sentence part.
    /// </summary>
    private static int? ReportedSubjectAt(List<LeadToken> tokens, int cueFirst)
    {
        for (var i = cueFirst - 1; i >= 0 && !tokens[i + 1].AfterBoundary; i--)
        {
            if (Saying.Contains(tokens[i].Lower))
            {
                var next = i + 1;
                while (next < cueFirst && (tokens[next].Lower is "that" or "the" or "on" || TimeWords.Contains(tokens[next].Lower)))
                {
                    next++;
                }

                return next < cueFirst ? tokens[next].Start : null;
            }
        }

        return null;
    }

    /// <summary>"Iraqi pro-Iran faction", "Iran-backed group": a name in front of a common noun, or a demonym, only describes the subject.</summary>
    private static bool IsModifier(string source, EntityMention entity, List<EntityMention> others)
    {
        if (entity.End < source.Length && source[entity.End] == '-')
        {
            return true;
        }

        // "JUBA (Reuters) -", "By Hannah Lang (Reuters) -": a credit in brackets is an aside, not the subject; an acronym
        // in brackets after its organisation ("Advanced Micro Devices (AMD)") stands for it.
        if (entity.Start > 0 && source[entity.Start - 1] == '(' && entity.End < source.Length && source[entity.End] == ')'
            && !(NameVariants.IsAcronym(entity.Text) && others.Any(o => o.Type is EntityType.Organization or EntityType.Person && o.End <= entity.Start - 1 && o.End >= entity.Start - 3)))
        {
            return true;
        }

        var next = NextWord().Match(source, entity.End);
        if (!next.Success)
        {
            return false;
        }

        // "New York man pleads guilty" (or "Queens Woman Killed" in title case): a place before a person says where the person
        // is from; "a Reuters witness", whom the person works for.
        var word = next.Groups[1].Value.ToLowerInvariant();
        var demonym = !entity.Text.Contains(' ', StringComparison.Ordinal) && DemonymEndings.Any(d => entity.Text.EndsWith(d, StringComparison.Ordinal));
        return (demonym && char.IsLower(next.Groups[1].Value[0]) && !NotNouns.Contains(word))
            || (entity.Type == EntityType.Location && PersonNouns.Contains(word))
            || (entity.Type == EntityType.Organization && Reporters.Contains(word));
    }

    /// <summary>Without a named subject, the common noun just before the verb: "Police arrested six people".</summary>
    private static EventParticipant? CommonSubject(string source, List<LeadToken> tokens, ActionCue cue)
    {
        if (cue.IsPassive || !cue.Word.IsVerb || cue.First == 0 || tokens[cue.First].AfterBoundary)
        {
            return null;
        }

        var head = tokens[cue.First - 1].Lower;
        // "the fatal shooting": an -ing form without an auxiliary names the act; "on Tuesday killed": a time is no doer.
        if (cue.Word.Form == WordForm.Progressive || TimeWords.Contains(head))
        {
            return null;
        }

        return head.Length > 2 && !NotNouns.Contains(head) && !head.EndsWith("ly", StringComparison.Ordinal) && !head.Contains('’', StringComparison.Ordinal) && !head.Contains('\'', StringComparison.Ordinal)
            ? new EventParticipant(source[tokens[cue.First - 1].Start..tokens[cue.First - 1].End], null)
            : null;
    }

    private static EntityMention? Object(string source, List<LeadToken> tokens, List<EntityMention> after, EntityMention? actor, List<EntityMention> all) =>
        NamedPerson(source, after.FirstOrDefault(e => e.CanonicalId != actor?.CanonicalId && !Locatives.Contains(WordBefore(tokens, e))), all);

    /// <summary>
    /// "Chargers receiver Vincent Jackson", "Hamas commander Ismail Haniyeh": a team, group or place that only
    /// says whose the person is that the role words name; the one acted on is the person.
    /// </summary>
    private static EntityMention? NamedPerson(string source, EntityMention? entity, List<EntityMention> entities)
    {
        if (entity is null || entity.Type == EntityType.Person
            || entities.FirstOrDefault(e => e.Start >= entity.End) is not { Type: EntityType.Person } person)
        {
            return entity;
        }

        var between = source.AsSpan(entity.End, person.Start - entity.End);
        var words = 0;
        foreach (var word in between.Split(' '))
        {
            var w = between[word];
            if (w.IsEmpty)
            {
                continue;
            }

            if (++words > 3 || !IsRoleWord(w))
            {
                return entity;
            }
        }

        return words > 0 ? person : entity;
    }

    private static bool IsRoleWord(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsLower(c) && c != '-')
            {
                return false;
            }
        }

        return !NotNouns.Contains(word.ToString());
    }

    /// <summary>"Iraq's Kataib Hezbollah": the first name only says whose the second is.</summary>
    private static bool IsPossessiveModifier(List<LeadToken> tokens, EntityMention entity, EntityMention? next, string source) =>
        next is not null
        && (tokens.Any(t => t.Start < entity.End && t.End > entity.End - 1 && (t.Lower.EndsWith("’s", StringComparison.Ordinal) || t.Lower.EndsWith("'s", StringComparison.Ordinal)) && next.Start - t.End <= 2)
            || (entity.End < source.Length && source[entity.End] is '\'' or '’' && entity.Text.EndsWith('s') && next.Start - entity.End <= 3));

    /// <summary>The lower-cased word just before an entity in its sentence, or empty at the start or after a clause boundary.</summary>
    /// <param name="skipArticle">Whether to read past "the" ("by the Houthis").</param>
    private static string WordBefore(List<LeadToken> tokens, EntityMention entity, bool skipArticle = false)
    {
        var index = -1;
        for (var i = 0; i < tokens.Count && tokens[i].End <= entity.Start; i++)
        {
            index = i;
        }

        if (skipArticle && index > 0 && tokens[index].Lower == "the" && index + 1 < tokens.Count && !tokens[index + 1].AfterBoundary)
        {
            index--;
        }

        return index >= 0 && index + 1 < tokens.Count && !tokens[index + 1].AfterBoundary ? tokens[index].Lower : string.Empty;
    }

    /// <summary>The action words and, when it follows closely, what is acted on ("suspends operations").</summary>
    private static string WordsOfAction(string source, int start, int end)
    {
        var objectMatch = ActionObject().Match(source, end);
        return objectMatch.Success ? source[start..(objectMatch.Index + objectMatch.Length)] : source[start..end];
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
}
