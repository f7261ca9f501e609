using Newsroom.Contracts.V1;

namespace Newsroom.Extraction;

/// <summary>
/// The words that name each class of lead event, with their inflections. An entry is a kind, a head word
/// and optional words that must follow it:
/// "v lemma" is a verb whose forms are generated ("v suspend": suspend, suspends, suspended, suspending;
/// "v slam+" doubles its last consonant; "v freeze/froze/frozen" gives past and participle);
/// "n noun" is a noun with its plural; "p form" is one past-participle form only ("p freed").
/// Following words may list alternatives ("to withdraw|leave"), and a leading "~" lets up to four other
/// words come first ("v warn ~to withdraw": "warns the US to withdraw").
/// </summary>
internal static class ActionLexicon
{
    private static readonly (EventAction Action, string[] Entries)[] Classes =
    [
        (EventAction.Suspend,
        [
            "v suspend", "n suspension", "v halt", "n halt", "v pause", "v freeze/froze/frozen", "v call a|for halt",
            "v put/put/put on hold", "n ceasefire", "n truce",
            "v stop+ ~attacking|attacks|operations|fighting|strikes|hostilities|firing|raids|ambushes",
        ]),
        (EventAction.Resume,
        [
            "v resume", "n resumption", "v restart", "v reopen", "n reopening",
            "v return/returned/returned to ~attacks|operations|strikes|fighting|hostilities|talks",
        ]),
        (EventAction.Attack,
        [
            "v attack", "n attack", "v strike/struck/struck", "n strike", "n airstrike", "v bomb", "n bombing", "v bombard",
            "n bombardment", "v shell", "n shelling", "v raid", "n raid", "v ambush", "n ambush", "v invade", "n invasion",
            "p stormed", "v assault", "n assault", "v shoot/shot/shot", "n shooting", "v open/opened/opened fire", "v stab+",
            "n stabbing", "v kidnap+", "n kidnapping", "n blast", "n explosion",
        ]),
        (EventAction.Threaten,
        [
            "v threaten", "v warn", "v vow to retaliate|respond",
        ]),
        (EventAction.Demand,
        [
            "v demand", "v call/called/called for|on", "n call for", "v urge", "v press for", "v appeal for",
            "v warn ~to withdraw|leave|stop|end|halt|pull|release|cease|quit|withdrawing|leaving",
            "v tell/told/told ~to withdraw|leave|stop|end|halt|pull|release|cease|quit",
            "v order ~to withdraw|leave|stop|end|halt|pull|release|cease|quit",
        ]),
        (EventAction.Condemn,
        [
            "v condemn", "n condemnation", "v denounce", "v rebuke", "n rebuke", "v criticise", "v criticize", "n criticism",
            "v slam+", "v decry", "v deplore", "v blast", "v vow revenge|vengeance", "v vow to avenge", "v lambast",
        ]),
        (EventAction.Announce,
        [
            "v announce", "n announcement", "v unveil", "n unveiling", "v launch", "n launch", "v introduce", "v reveal",
            "v roll/rolled/rolled out", "v debut", "v declare", "v release", "n release",
        ]),
        (EventAction.Kill,
        [
            "v kill", "n killing", "v murder", "n murder", "v assassinate", "n assassination", "v slay/slew/slain",
            "v shoot/shot/shot dead", "n massacre", "v massacre",
        ]),
        (EventAction.Arrest,
        [
            "v arrest", "n arrest", "v detain", "n detention", "v apprehend", "v take/took/taken into custody",
            "v charge with", "v indict", "n indictment", "v nab+", "v extradite",
        ]),
        (EventAction.Sentence,
        [
            "v sentence", "n sentence", "v convict", "n conviction", "v jail", "v imprison", "v find/found/found ~guilty",
        ]),
        (EventAction.Die,
        [
            "v die/died/died", "n death", "v pass/passed/passed away", "n dead at", "v find/found/found dead|deceased",
        ]),
        (EventAction.Acquire,
        [
            "v acquire", "n acquisition", "v buy/bought/bought", "n purchase", "v purchase", "v take/took/taken over",
            "n takeover", "v snap+ up", "n buyout", "v merge with", "n merger",
        ]),
        (EventAction.Defeat,
        [
            "v defeat", "n defeat", "v beat/beat/beaten", "v win/won/won", "n victory", "v clinch", "v edge", "v rout",
            "v top+", "v down+", "v overpower",
        ]),
        (EventAction.Dismiss,
        [
            "v fire", "v sack+", "v dismiss", "n dismissal", "v oust", "n ouster", "v axe", "v show/showed/shown the door",
            "v step/stepped/stepped down", "v resign", "n resignation", "v quit+/quit/quit",
        ]),
        (EventAction.Appoint,
        [
            "v appoint", "n appointment", "v name", "v hire", "v elect", "n election", "v nominate", "n nomination",
            "v sign", "v tap+", "v choose/chose/chosen", "v cast/cast/cast", "v take/took/taken over as",
            "v take/took/taken over ~role|job|post|position|reins|duties",
        ]),
        (EventAction.Release,
        [
            "p freed", "v set/set/set free", "v release",
        ]),
        (EventAction.Seize,
        [
            "v seize", "n seizure", "v hijack", "n hijacking", "v take/took/taken control|possession", "v commandeer",
        ]),
        (EventAction.Collapse,
        [
            "v collapse", "v go/went/gone under|bust|bankrupt", "v cave/caved/caved in",
        ]),
        (EventAction.Crash,
        [
            "v crash", "v derail", "v sink/sank/sunk", "v capsize", "v collide",
            "n emergency landing", "v make/made/made ~landing",
        ]),
        (EventAction.Investigate,
        [
            "v investigate", "n investigation", "v probe", "n probe", "n inquiry", "v look/looked/looked into",
        ]),
        (EventAction.Approve,
        [
            "v approve", "n approval", "v authorize", "v authorise", "n authorization", "v greenlight", "v ratify",
        ]),
        (EventAction.Sanction,
        [
            "v sanction", "n sanction", "v designate", "n designation", "v blacklist", "v impose/imposed/imposed ~sanctions",
        ]),
        (EventAction.Demolish,
        [
            "v demolish", "n demolition", "v raze", "v implode", "v tear/tore/torn down",
        ]),
        (EventAction.Discover,
        [
            "v find/found/found", "v discover", "n discovery", "v uncover", "v detect",
        ]),
    ];

    private static readonly Dictionary<string, List<ActionWord>> ByHead = Build();

    /// <summary>The lexicon entries whose head word is <paramref name="lowerWord"/>.</summary>
    public static IReadOnlyList<ActionWord> Lookup(string lowerWord) =>
        ByHead.TryGetValue(lowerWord, out var words) ? words : [];

    private static Dictionary<string, List<ActionWord>> Build()
    {
        var byHead = new Dictionary<string, List<ActionWord>>(StringComparer.Ordinal);
        foreach (var (action, entries) in Classes)
        {
            foreach (var entry in entries)
            {
                var parts = entry.Split(' ');
                var following = parts[2..].Select(FollowingWord.Parse).ToArray();
                foreach (var (form, kind) in Forms(parts[0], parts[1]))
                {
                    if (!byHead.TryGetValue(form, out var words))
                    {
                        byHead[form] = words = [];
                    }

                    words.Add(new ActionWord(action, kind, following));
                }
            }
        }

        return byHead;
    }

    private static IEnumerable<(string Form, WordForm Kind)> Forms(string kind, string head) => kind switch
    {
        "n" => [(head, WordForm.Noun), (Plural(head), WordForm.Noun)],
        "p" => [(head, WordForm.Participle)],
        "v" => VerbForms(head),
        _ => throw new InvalidOperationException($"unknown lexicon entry kind '{kind}'"),
    };

    private static IEnumerable<(string Form, WordForm Kind)> VerbForms(string head)
    {
        var irregular = head.Split('/');
        var doubles = irregular[0].EndsWith('+');
        var lemma = irregular[0].TrimEnd('+');
        var stem = doubles ? lemma + lemma[^1] : lemma;
        yield return (lemma, WordForm.Base);
        yield return (Plural(lemma), WordForm.Present);
        yield return (lemma.EndsWith("ie", StringComparison.Ordinal) ? lemma[..^2] + "ying"
            : lemma.EndsWith('e') && !lemma.EndsWith("ee", StringComparison.Ordinal) ? lemma[..^1] + "ing"
            : stem + "ing", WordForm.Progressive);
        if (irregular.Length == 3)
        {
            yield return (irregular[1], WordForm.Past);
            yield return (irregular[2], WordForm.Participle);
        }
        else
        {
            yield return (lemma.EndsWith('e') ? lemma + "d"
                : lemma.Length > 1 && lemma[^1] == 'y' && !IsVowel(lemma[^2]) ? lemma[..^1] + "ied"
                : stem + "ed", WordForm.Participle);
        }
    }

    private static string Plural(string word) =>
        word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal) ? word + "es"
        : word.Length > 1 && word[^1] == 'y' && !IsVowel(word[^2]) ? word[..^1] + "ies"
        : word + "s";

    private static bool IsVowel(char c) => "aeiou".Contains(c, StringComparison.Ordinal);
}
