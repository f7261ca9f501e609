namespace Newsroom.Extraction.Tagging;

/// <summary>
/// Wire services file sports copy under the sport's name, in capitals before a dash at the head of the
/// headline ("SOCCER - LEEDS BEAT EVERTON", "RUGBY UNION - ...", "NBA BASKETBALL - ..."). In capitals a sport
/// reads like an acronym, and the tagger took "SOCCER" or "BASKETBALL - NBA" for an organisation. The sport's
/// words are no name; a name before them (a league's) keeps its tag, and the name after the dash starts afresh.
/// </summary>
internal static class SectionSlugs
{
    /// <summary>A slug is a sport's name of a word or two, at most one word (a league) before it.</summary>
    private const int MaxSlugTokens = 3;

    /// <summary>Sports as wire services name their sections.</summary>
    private static readonly HashSet<string> Sports = new(StringComparer.Ordinal)
    {
        "SOCCER", "FOOTBALL", "AMERICAN FOOTBALL", "TENNIS", "TABLE TENNIS", "GOLF", "CRICKET", "RUGBY", "RUGBY UNION",
        "RUGBY LEAGUE", "BASKETBALL", "BASEBALL", "ATHLETICS", "BOXING", "CYCLING", "MOTOR RACING", "MOTORCYCLING",
        "HORSE RACING", "RACING", "RALLYING", "SKIING", "ALPINE SKIING", "NORDIC SKIING", "SKI JUMPING", "SWIMMING",
        "ROWING", "SAILING", "YACHTING", "HOCKEY", "ICE HOCKEY", "FIELD HOCKEY", "SQUASH", "BADMINTON", "VOLLEYBALL",
        "HANDBALL", "WRESTLING", "JUDO", "GYMNASTICS", "SNOOKER", "DARTS", "EQUESTRIANISM", "SPEED SKATING",
        "FIGURE SKATING", "TRIATHLON", "CHESS",
    };

    private static readonly HashSet<string> Dashes = new(StringComparer.Ordinal) { "-", "--", "–", "—" };

    /// <summary>Corrects <paramref name="tags"/> (IOB2) of one sentence in place when it opens with a sport's slug.</summary>
    public static void Apply(IReadOnlyList<string> tokens, string[] tags)
    {
        var dash = 0;
        while (dash < tokens.Count && dash <= MaxSlugTokens && !Dashes.Contains(tokens[dash]))
        {
            dash++;
        }

        if (dash == 0 || dash > MaxSlugTokens || dash + 1 >= tokens.Count)
        {
            return;
        }

        // The sport's name ends at the dash; a word before it may be a league ("NBA BASKETBALL").
        var sport = dash >= 2 && Sports.Contains(tokens[dash - 2] + " " + tokens[dash - 1]) ? dash - 2
            : Sports.Contains(tokens[dash - 1]) ? dash - 1
            : -1;
        if (sport is < 0 or > 1)
        {
            return;
        }

        for (var i = sport; i <= dash; i++)
        {
            tags[i] = EntityTags.Outside;
        }

        EntityTags.StartNameAt(tags, dash + 1);
    }
}
