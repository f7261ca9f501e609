using Newsroom.Contracts.V1;

namespace Newsroom.Extraction;

/// <summary>
/// Finds the action that leads a sentence. Every lexicon word is a candidate; a candidate is dropped when it
/// is negated ("did not attack", "no attacks"), when it tells background ("after the attack", "had
/// warned", "who killed", "two years ago") or a possibility ("the prospect of arrest"), or when its sense is not
/// the event's ("their strike", "struck a deal", "the death penalty", a case's name as in "murder trial", a sentence
/// being served, an inquiry under way). Of the rest the earliest wins, the longer phrase at one position ("warns
/// the US to withdraw" is a demand); an announcement yields to the action it announces ("announces
/// resumption of attacks"), and of two coordinated verbs the second tells the outcome ("shot and killed").
/// </summary>
internal static class ActionCueFinder
{
    private const int NegationWindow = 3;
    private const int BackgroundWindow = 8;

    /// <summary>Words before an action within which a <see cref="Countering"/> word governs it.</summary>
    private const int CounteringWindow = 2;
    private const int AnnouncedActionWindow = 12;

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "not", "never", "no", "without", "nor", "cannot", "deny", "denies", "denied", "denying", "refuse", "refuses", "refused",
        "refusing", "fail", "fails", "failed", "neither", "avoid", "avoided", "avoiding", "dodged", "dodging", "evaded", "evading",
        "escaped", "escaping",
    };

    /// <summary>Words that put what follows them in the past of the story or in its causes.</summary>
    private static readonly HashSet<string> BackgroundMarkers = new(StringComparer.Ordinal)
    {
        "after", "following", "since", "aftermath", "amid", "before", "previously", "earlier", "once", "retaliation",
        "response", "recalling", "anniversary", "memory", "remembering", "commemorate", "commemorating", "marking", "accused",
        "suspected",
    };

    /// <summary>
    /// Words just before an action that make the act one the news means to prevent, not the news: "a coalition to counter
    /// attacks", "to deter further strikes", "to protect tankers from attacks". An act spoken against ("condemned the attacks",
    /// "spoke out against Israel's attacks") stays the news, as an act welcomed does.
    /// </summary>
    private static readonly HashSet<string> Countering = new(StringComparer.Ordinal)
    {
        "counter", "countering", "deter", "deterring", "thwart", "thwarting", "prevent", "preventing",
        "protect", "protecting", "safeguard", "safeguarding", "shield", "shielding",
    };

    /// <summary>Reporting verbs: "said it had resumed attacks" is the news in reported speech, not background.</summary>
    private static readonly HashSet<string> Reporting = new(StringComparer.Ordinal)
    {
        "said", "says", "announced", "told", "stated", "added", "claimed", "confirmed", "declared", "reported",
    };

    /// <summary>Verbs that end a pause: "ends truce", "lifted the suspension" resume what was paused.</summary>
    private static readonly HashSet<string> Ending = new(StringComparer.Ordinal)
    {
        "end", "ends", "ended", "ending", "break", "breaks", "broke", "lift", "lifts", "lifted", "lifting", "abandon", "abandons",
        "abandoned", "scrap", "scraps", "scrapped", "collapse", "collapsed",
    };

    /// <summary>Auxiliaries that start a new verb phrase: a background marker before one belongs to an earlier clause ("held since 2016 were released").</summary>
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "was", "were", "is", "are", "has", "have", "will", "would",
    };

    /// <summary>Words after which a verb's base form is a verb ("to attack", "will buy", "rebels attack"), not a noun ("Texas convict").</summary>
    private static readonly HashSet<string> BaseFormLeads = new(StringComparer.Ordinal)
    {
        "to", "will", "would", "could", "can", "may", "might", "must", "shall", "should", "did", "do", "does", "not", "never",
        "also", "they", "we", "you", "i",
    };

    /// <summary>What strikes or hits without being an attack.</summary>
    private static readonly HashSet<string> Hazards = new(StringComparer.Ordinal)
    {
        "quake", "earthquake", "tremor", "aftershock", "storm", "hurricane", "typhoon", "cyclone", "tornado", "flood", "floods",
        "tsunami", "lightning", "avalanche", "landslide", "blaze", "wildfire", "disaster", "illness", "disease", "virus", "outbreak",
    };

    private static readonly HashSet<string> RelativePronouns = new(StringComparer.Ordinal) { "who", "which", "whose" };

    private static readonly HashSet<string> PastPerfect = new(StringComparer.Ordinal) { "had", "hadn’t", "hadn't" };

    /// <summary>Words after an action that date it long before the story: "two years ago", "last year".</summary>
    private static readonly HashSet<string> PastTimeWords = new(StringComparer.Ordinal) { "ago", "decades", "previously" };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "their", "its", "his", "her", "our", "my", "your", "this", "that", "these", "those", "any", "each",
        "every", "another", "such", "of", "on", "general", "hunger", "labor", "labour", "national", "nationwide", "planned",
        "rail", "teachers", "workers", "union", "possible", "potential", "free", "first", "last",
    };

    private static readonly HashSet<string> PassiveAuxiliaries = new(StringComparer.Ordinal)
    {
        "was", "were", "been", "being", "is", "are", "be", "get", "gets", "got", "getting",
    };

    /// <summary>Words after a headline participle that show it passive: "arrested on", "killed in", "charged with".</summary>
    private static readonly HashSet<string> HeadlinePassiveFollowers = new(StringComparer.Ordinal)
    {
        "on", "in", "for", "with", "after", "over", "as", "near", "by", "during", "amid", "outside", "inside", "from", "to",
        "following", "without", "again", "twice", "today", "yesterday", "of",
    };

    /// <summary>Nouns that name an armed attack only with a modifier ("air strike"; "their strike" is a walkout).</summary>
    private static readonly HashSet<string> ModifiedNouns = new(StringComparer.Ordinal) { "strike", "strikes" };

    private static readonly HashSet<string> ArmedModifiers = new(StringComparer.Ordinal)
    {
        "air", "drone", "missile", "rocket", "military", "artillery", "aerial", "retaliatory", "deadly", "suicide", "precision",
        "targeted", "pre-emptive", "preemptive", "israeli", "american", "russian", "us", "u.s", "naval", "bombing", "lethal",
    };

    /// <summary>What "strike" and "struck" mean when they are not an attack: "struck a deal", "struck down a law".</summary>
    private static readonly HashSet<string> OtherStrikeObjects = new(StringComparer.Ordinal)
    {
        "deal", "deals", "agreement", "accord", "pact", "balance", "chord", "tone", "note", "down", "out", "gold", "oil", "off",
    };

    /// <summary>What is fired without anyone losing a job: "fired rockets", "fired at the crowd".</summary>
    private static readonly HashSet<string> WeaponObjects = new(StringComparer.Ordinal)
    {
        "at", "on", "shots", "shot", "rockets", "rocket", "missiles", "missile", "bullets", "bullet", "mortars", "shells", "tear",
        "gun", "guns", "weapons", "weapon", "upon", "into", "back", "up", "off", "salvo", "warning", "it",
    };

    private static readonly HashSet<string> NonDeathCompounds = new(StringComparer.Ordinal)
    {
        "sentence", "sentences", "penalty", "row", "threat", "threats", "squad", "camp", "metal", "star", "down",
    };

    private static readonly HashSet<string> Degrees = new(StringComparer.Ordinal) { "most", "more", "less", "least", "very", "so", "too", "how" };

    /// <summary>Prepositions after which a participle before a word describes it: "a vigil for slain teen".</summary>
    private static readonly HashSet<string> AdjectiveLeads = new(StringComparer.Ordinal) { "for", "with", "from", "about", "to", "by" };

    /// <summary>Words after an act that make it the name of a case, whose news is elsewhere: "murder trial", "shooting suspect".</summary>
    private static readonly HashSet<string> CaseNouns = new(StringComparer.Ordinal)
    {
        "trial", "trials", "suspect", "suspects", "charge", "charges", "case", "cases", "count", "counts", "investigation",
        "inquiry", "probe", "verdict", "hearing", "defendant", "defendants",
    };

    /// <summary>Words that make what follows "of" a possibility, not an event: "the prospect of arrest", "the threat of attack".</summary>
    private static readonly HashSet<string> Possibilities = new(StringComparer.Ordinal)
    {
        "prospect", "possibility", "risk", "threat", "threats", "fear", "fears", "danger", "chance", "chances", "likelihood",
    };

    /// <summary>Verbs whose object "sentence" is one being served, an earlier case's: "serving a life sentence".</summary>
    private static readonly HashSet<string> Serving = new(StringComparer.Ordinal) { "serve", "serves", "serving", "served" };

    /// <summary>What follows "down" as a particle ("doubles down on", "burns down"), not the verb that beats a team ("Colts down Chiefs").</summary>
    private static readonly HashSet<string> ParticleFollowers = new(StringComparer.Ordinal)
    {
        "on", "the", "a", "an", "to", "for", "in", "of", "with", "and", "by", "at", "after", "from", "as", "over",
    };

    /// <summary>Who is released: people are freed; anything else released is published.</summary>
    private static readonly HashSet<string> ReleasedPeople = new(StringComparer.Ordinal)
    {
        "hostage", "hostages", "prisoner", "prisoners", "detainee", "detainees", "captive", "captives", "inmate", "inmates",
        "journalist", "journalists", "suspect", "suspects", "soldier", "soldiers", "him", "her", "them", "child", "children",
        "crew", "sailors", "activist", "activists", "prison", "jail", "custody", "captivity", "bail", "hospital", "man", "woman",
    };

    /// <summary>What halting or stopping a trend names: "halt the spread of panic", "stop the slide" suspend no one's activity.</summary>
    private static readonly HashSet<string> Trends = new(StringComparer.Ordinal)
    {
        "spread", "slide", "decline", "fall", "rise", "advance", "flow", "outflow", "exodus", "surge", "rout", "contagion", "bleeding", "losses",
    };

    /// <param name="insideName">Whether a token is part of an entity's name, where no word is an act: "the Federal Bureau of Investigation".</param>
    /// <param name="headline">Whether the tokens are a headline, where a participle without "was" is a passive: "Smith arrested on DUI charge".</param>
    public static ActionCue? Find(IReadOnlyList<LeadToken> tokens, Func<int, bool> startsPersonAt, Func<int, bool> insideName, bool headline)
    {
        var cues = new List<ActionCue>();
        for (var index = 0; index < tokens.Count; index++)
        {
            if (!insideName(index) && Best(tokens, index, startsPersonAt, headline) is { } cue)
            {
                cues.Add(cue);
                index = cue.Last;
            }
        }

        for (var i = 0; i < cues.Count; i++)
        {
            if (IsNegated(tokens, cues[i]) || IsBackground(tokens, cues[i]))
            {
                continue;
            }

            var chosen = cues[i];
            var later = cues.Skip(i + 1).Where(c => !IsNegated(tokens, c) && !IsBackground(tokens, c)).ToList();
            if (chosen.Action == EventAction.Announce
                && later.FirstOrDefault(c => c.Action != EventAction.Announce && c.First - chosen.Last <= AnnouncedActionWindow && !CrossesSentencePart(tokens, chosen.Last, c.First)) is { } announced)
            {
                chosen = announced;
            }

            if (later.FirstOrDefault(c => c.Word.IsVerb && chosen.Word.IsVerb && c.First == chosen.Last + 2 && tokens[chosen.Last + 1].Lower == "and") is { } outcome)
            {
                chosen = outcome;
            }

            return chosen;
        }

        return null;
    }

    /// <summary>The longest lexicon phrase starting at <paramref name="index"/> whose sense fits.</summary>
    private static ActionCue? Best(IReadOnlyList<LeadToken> tokens, int index, Func<int, bool> startsPersonAt, bool headline)
    {
        ActionCue? best = null;
        var released = false;
        foreach (var word in ActionLexicon.Lookup(tokens[index].Lower))
        {
            if (MatchFollowing(tokens, index, word.Following) is not { } last || !FitsSense(tokens, index, word))
            {
                continue;
            }

            if (word.Action == EventAction.Release)
            {
                released = tokens[index].Lower.StartsWith("release", StringComparison.Ordinal) ? ReleasesPeople(tokens, index, startsPersonAt) : true;
                if (!released)
                {
                    continue;
                }
            }

            var action = word.Action == EventAction.Suspend && !word.IsVerb
                && WordsBefore(tokens, index, NegationWindow).SkipWhile(Determiners.Contains).FirstOrDefault() is { } governor && Ending.Contains(governor)
                ? EventAction.Resume
                : word.Action;
            var passive = word.CanBePassive && (IsPassive(tokens, index) || (headline && IsHeadlinePassive(tokens, index, last)));
            var cue = new ActionCue(action, word, index, last, passive);
            if (best is null || cue.Last > best.Last || (cue.Last == best.Last && released && cue.Action == EventAction.Release))
            {
                best = cue;
            }
        }

        return best;
    }

    private static int? MatchFollowing(IReadOnlyList<LeadToken> tokens, int index, IReadOnlyList<FollowingWord> following)
    {
        var position = index;
        foreach (var word in following)
        {
            var limit = Math.Min(tokens.Count - 1, position + 1 + (word.MayFollowOthers ? FollowingWord.MaxSkippedWords : 0));
            var found = -1;
            for (var next = position + 1; next <= limit && found < 0; next++)
            {
                if (word.Alternatives.Contains(tokens[next].Lower))
                {
                    found = next;
                }
                else if (tokens[next].AfterBoundary)
                {
                    break;
                }
            }

            if (found < 0)
            {
                return null;
            }

            position = found;
        }

        return position;
    }

    private static bool FitsSense(IReadOnlyList<LeadToken> tokens, int index, ActionWord word)
    {
        var previous = index > 0 && !tokens[index].AfterBoundary ? tokens[index - 1].Lower : string.Empty;
        var next = index + 1 < tokens.Count ? tokens[index + 1].Lower : string.Empty;
        var afterNext = index + 2 < tokens.Count ? tokens[index + 2].Lower : string.Empty;
        if (word.IsVerb && (Determiners.Contains(previous) || (word.CanBePassive && AdjectiveLeads.Contains(previous) && next.Length > 0 && char.IsLetter(next[0]) && !HeadlinePassiveFollowers.Contains(next))))
        {
            // "the attack", "their strike": a noun, which the noun entries judge; "a state of suspended animation",
            // "a vigil for slain teen": an adjective.
            return false;
        }

        // The words just before, nearest first, which the checks below read.
        var near = WordsBefore(tokens, index, NegationWindow).ToList();

        // "the most striking yet": a participle after a word of degree is an adjective; "what do you buy": advice, not news.
        if (word.IsVerb && (Degrees.Contains(previous) || near.Contains("you")))
        {
            return false;
        }

        var beforeAdverbs = near.SkipWhile(IsAdverb).FirstOrDefault() ?? string.Empty;
        if (word.Form == WordForm.Base && !(BaseFormLeads.Contains(beforeAdverbs) || IsContractedModal(beforeAdverbs) || IsPluralNoun(beforeAdverbs)))
        {
            return false;
        }

        if (!word.IsVerb && ModifiedNouns.Contains(tokens[index].Lower)
            && !(ArmedModifiers.Contains(previous) || (index > 1 && ArmedModifiers.Contains(tokens[index - 2].Lower))))
        {
            return false;
        }

        return word.Action switch
        {
            EventAction.Attack => !OtherStrikeObjects.Contains(next) && !(next is "a" or "an" && OtherStrikeObjects.Contains(afterNext)) && !CaseNouns.Contains(next)
                && !WordsBefore(tokens, index, HazardWindow(tokens[index].Lower)).Any(Hazards.Contains),
            EventAction.Suspend => !Trends.Contains(next is "the" or "a" or "its" or "their" ? afterNext : next),
            EventAction.Die => !NonDeathCompounds.Contains(next) && !CaseNouns.Contains(next),
            EventAction.Kill => !CaseNouns.Contains(next),
            EventAction.Sentence => word.IsVerb || !near.Any(Serving.Contains),
            EventAction.Dismiss => !WeaponObjects.Contains(next) && !WeaponObjects.Contains(afterNext),
            EventAction.Defeat => !(tokens[index].Lower == "down" && (next.Length == 0 || ParticleFollowers.Contains(next))),
            // "a quake struck, causing houses to collapse": what a hazard brings down is the hazard's news.
            EventAction.Collapse => !tokens.Take(index).Any(t => Hazards.Contains(t.Lower)),
            // "is being investigated", "under investigation": an inquiry under way into the news, which is elsewhere (a fire, a death).
            EventAction.Investigate => previous is not ("being" or "under"),
            _ => true,
        };
    }

    /// <summary>
    /// A plural subject before a base form ("rebels attack"). Words in -ss, -us, -is and -ous are no plurals: "a suspicious
    /// fire" is no firing.
    /// </summary>
    private static bool IsPluralNoun(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
        && !word.EndsWith("is", StringComparison.Ordinal) && !word.Contains('’', StringComparison.Ordinal) && !word.Contains('\'', StringComparison.Ordinal);

    /// <summary>How far back a hazard makes an attack word its own: a quake strikes however its magnitude is told ("Earthquake Of Magnitude 6.1 Strikes").</summary>
    private static int HazardWindow(string word) => word.StartsWith("strik", StringComparison.Ordinal) || word == "struck" ? BackgroundWindow : NegationWindow;

    private static bool IsContractedModal(string word) =>
        word.EndsWith("’d", StringComparison.Ordinal) || word.EndsWith("'d", StringComparison.Ordinal) || word.EndsWith("’ll", StringComparison.Ordinal) || word.EndsWith("'ll", StringComparison.Ordinal);

    private static bool ReleasesPeople(IReadOnlyList<LeadToken> tokens, int index, Func<int, bool> startsPersonAt)
    {
        for (var next = index + 1; next < Math.Min(tokens.Count, index + 5); next++)
        {
            if (ReleasedPeople.Contains(tokens[next].Lower) || startsPersonAt(next))
            {
                return true;
            }
        }

        // "hostages ... were released" names the freed people before the verb.
        return IsPassive(tokens, index) && Enumerable.Range(0, index).Any(i => startsPersonAt(i) || ReleasedPeople.Contains(tokens[i].Lower));
    }

    private static bool IsPassive(IReadOnlyList<LeadToken> tokens, int index)
    {
        for (var back = index - 1; back >= 0 && back >= index - 3; back--)
        {
            var word = tokens[back].Lower;
            if (PassiveAuxiliaries.Contains(word))
            {
                return true;
            }

            if (!IsAdverb(word) || tokens[back + 1].AfterBoundary)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Headlines drop "was": "Smith arrested on DUI charge", "Three killed in blast". They tell an active
    /// event in the present ("Police arrest Smith"), so a participle after its subject is a passive, unless
    /// an object follows it ("Obama overturned Bush rule"). Of a phrase, the word after the participle
    /// tells as well as the word after the phrase: "Man charged with murder", "Man shot dead in park".
    /// </summary>
    private static bool IsHeadlinePassive(IReadOnlyList<LeadToken> tokens, int index, int last)
    {
        if (index == 0 || tokens[index].AfterBoundary)
        {
            return false;
        }

        return last + 1 >= tokens.Count || tokens[last + 1].AfterBoundary || HeadlinePassiveFollowers.Contains(tokens[last + 1].Lower)
            || (last > index && HeadlinePassiveFollowers.Contains(tokens[index + 1].Lower));
    }

    private static bool IsAdverb(string word) => word.EndsWith("ly", StringComparison.Ordinal) || word is "also" || word is "later" || word is "then" || word is "not";

    private static bool IsNegated(IReadOnlyList<LeadToken> tokens, ActionCue cue) =>
        WordsBefore(tokens, cue.First, NegationWindow).Any(w => Negations.Contains(w) || w.EndsWith("n’t", StringComparison.Ordinal) || w.EndsWith("n't", StringComparison.Ordinal));

    private static bool IsBackground(IReadOnlyList<LeadToken> tokens, ActionCue cue)
    {
        var all = WordsBefore(tokens, cue.First, BackgroundWindow).ToList();
        if (all.SkipWhile(w => w is "a" or "an" or "the").Take(2).ToList() is ["of", var governor] && Possibilities.Contains(governor))
        {
            return true;
        }

        var before = all.TakeWhile(w => !Auxiliaries.Contains(w)).ToList();
        // "protect tankers from attacks": after "from", the countering verb may stand two words further back.
        if (before.Take(before.FirstOrDefault() == "from" ? CounteringWindow + 2 : CounteringWindow).Any(Countering.Contains)
            || before.Any(BackgroundMarkers.Contains) || all.Take(3).Any(RelativePronouns.Contains)
            || (before.TakeWhile(IsAdverb).Concat(before.SkipWhile(w => IsAdverb(w) || w == "been").Take(1)).Any(PastPerfect.Contains) && !tokens.Take(cue.First).Any(t => Reporting.Contains(t.Lower))))
        {
            return true;
        }

        for (var next = cue.Last + 1; next < tokens.Count && next <= cue.Last + BackgroundWindow && !tokens[next].AfterBoundary; next++)
        {
            if (PastTimeWords.Contains(tokens[next].Lower) || (tokens[next].Lower == "last" && next + 1 < tokens.Count && tokens[next + 1].Lower is "year" or "month" or "decade"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Up to <paramref name="count"/> words before <paramref name="index"/>, nearest first, not crossing a clause boundary.</summary>
    private static IEnumerable<string> WordsBefore(IReadOnlyList<LeadToken> tokens, int index, int count)
    {
        for (var back = index - 1; back >= 0 && back >= index - count && !tokens[back + 1].AfterBoundary; back--)
        {
            yield return tokens[back].Lower;
        }
    }

    private static bool CrossesSentencePart(IReadOnlyList<LeadToken> tokens, int from, int to)
    {
        for (var index = from + 1; index <= to; index++)
        {
            if (tokens[index].AfterBoundary && tokens[index].Lower is "and" or "but" or "while" or "as")
            {
                return true;
            }
        }

        return false;
    }
}
