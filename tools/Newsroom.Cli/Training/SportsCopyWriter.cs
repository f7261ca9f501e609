using System.Globalization;
using Newsroom.Extraction.Tagging;

namespace Newsroom.Cli.Training;

/// <summary>
/// Writes sports reports for the tagger to learn sports copy from, which neither GMB nor WikiANN has: match
/// reports, results lines, league tables, tennis, athletics, golf and cricket results. News tags sides the CoNLL
/// way: a club is an organisation even when it bears its town's name ("Leeds 2 Everton 1"), a national side is its
/// country, a place ("Germany beat Italy"). So the words around a name decide, not the name. Names are drawn from
/// the gazetteer (towns, countries, given names, surnames, nationalities), so that the contexts are learnt rather
/// than a list of clubs. Invented words are not used: their spelling taught the tagger that a made-up word is a
/// player, and a made-up country in a test sentence became a person. One kind in nine is a brief of other news that
/// names the same towns as places ("plants in Bremen and Hamburg"): without it the tagger met those towns almost only
/// as clubs and read them as organisations in any news.
/// </summary>
internal sealed class SportsCopyWriter
{
    private const string Team = "T";

    private static readonly string[] ClubSuffixes = ["United", "City", "Rovers", "Athletic", "Wanderers", "Town", "County", "Albion", "FC"];

    private static readonly string[] ClubPrefixes = ["FC", "Real", "Sporting", "Dynamo", "Inter", "Olympique", "Racing", "AC"];

    /// <summary>Nicknames of North American teams, written after their town ("Denver Hawks").</summary>
    private static readonly string[] Nicknames =
    [
        "Tigers", "Bears", "Giants", "Eagles", "Lions", "Kings", "Rangers", "Pirates", "Rockets", "Bulls", "Hawks",
        "Wolves", "Jets", "Sharks", "Royals", "Stars", "Suns", "Knights", "Falcons", "Panthers", "Colts", "Mariners",
        "Raiders", "Chargers", "Saints", "Cardinals", "Warriors", "Pistons", "Flames", "Senators", "Blues", "Twins",
    ];

    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>Each kind of report: whether its sides are clubs or countries, and its sentences in the order a report gives them.</summary>
    private static readonly Report[] Reports =
    [
        new(Clubs: true,
        [
            "{T} beat {T} {s} on {d} .",
            "{T} were held to a {s} draw by {T} .",
            "{T} won {s} at {T} to go top of the table .",
            "{P} scored twice as {T} beat {T} {s} .",
            "{T} striker {P} scored in the {n}th minute .",
            "{T} coach {P} said his side had deserved the win .",
            "{T} have signed {N} midfielder {P} from {T} .",
            "{T} goalkeeper {P} was sent off after {n} minutes .",
            "{T} moved up to third , {n} points behind {T} .",
            "{S} 's header gave {T} a {s} win over {T} .",
            "{T} lost {s} at home to {T} on {d} .",
            "{T} manager {P} was sacked after the defeat .",
            "An own goal by {S} handed {T} victory .",
            "{T} , who beat {T} last week , are unbeaten in {n} games .",
            "{P} equalised for {T} with {n} minutes left .",
        ]),
        new(Clubs: true,
        [
            "{N} league results on {d} :",
            "{T} {g} {T} {g}",
            "{T} {g} {T} {g}",
            "{T} {g} {T} {g}",
            "{T} {g} {T} {g}",
            "Standings ( played , won , drawn , lost , for , against , points ) :",
            "{T} {n} {g} {g} {g} {n} {n} {n}",
            "{T} {n} {g} {g} {g} {n} {n} {n}",
            "{T} {n} {g} {g} {g} {n} {n} {n}",
        ]),
        new(Clubs: false,
        [
            "{T} beat {T} {s} in a World Cup qualifier in {L} on {d} .",
            "{T} and {T} drew {s} in {L} .",
            "{T} coach {P} named an unchanged side .",
            "{P} scored the winner for {T} after {n} minutes .",
            "{T} top the group on {n} points , two ahead of {T} .",
            "{T} {g} {T} {g}",
            "{N} striker {P} missed a penalty .",
        ]),
        new(Clubs: true,
        [
            "Results on {d} :",
            "{T} {n} {T} {n}",
            "{T} {n} {T} {n}",
            "{T} {n} {T} {n}",
            "The {T} beat the {T} {n} - {g} on {d} night .",
            "{P} had {n} points as {T} beat {T} .",
            "{T} quarterback {P} threw two touchdown passes .",
            "{P} hit a home run for {T} in the {n}th inning .",
        ], NorthAmerican: true),
        new(Clubs: false,
        [
            "Results from the tournament in {L} on {d} :",
            "{P} ( {C} ) beat {P} ( {C} ) 6-{g} 6-{g}",
            "{P} ( {C} ) beat {P} ( {C} ) 7-6 {g}-6 6-{g}",
            "{P} of {C} beat {P} of {C} 6-{g} 6-{g} in the second round .",
            "Top seed {P} lost to {C} 's {P} .",
            "{P} ( {C} ) beat {P} 6-{g} 6-{g}",
        ]),
        new(Clubs: false,
        [
            "Leading results at the meeting in {L} on {d} :",
            "1. {P} ( {C} ) {t}",
            "2. {P} ( {C} ) {t}",
            "3. {P} ( {C} ) {t}",
            "{P} of {C} won the 5,000 metres in {t} .",
            "{N} runner {P} set a world record .",
        ]),
        new(Clubs: false,
        [
            "Scores after the first round in {L} on {d} :",
            "{n} {P} ( {C} )",
            "{n} {P} ( {C} ) , {P} ( {C} )",
            "{n} {P}",
            "{P} leads by one shot from {C} 's {P} .",
        ]),
        new(Clubs: false,
        [
            "{T} were {n} for {g} at the close against {T} in {L} .",
            "{P} was unbeaten on {n} after {S} took three wickets .",
            "{S} c {S} b {S} {n}",
            "{S} not out {n}",
            "{T} won by {g} wickets .",
            "{P} took {g} for {n} as {T} were bowled out .",
        ]),
        // Not sport: the towns that are clubs above are places here.
        new(Clubs: false,
        [
            "Floods in {L} killed {n} people on {d} , police said .",
            "The company , based in {L} , said it would cut {n} jobs at its plants in {L} and {L} .",
            "{P} , the mayor of {L} , said the road to {L} would reopen on {d} .",
            "Police in {L} arrested {n} people after a bank robbery on {d} .",
            "Trains between {L} and {L} were cancelled because of a strike .",
            "The talks in {L} ended on {d} without agreement , {N} officials said .",
            "A fire destroyed a warehouse near {L} , {n} km north of {L} .",
            "{N} troops left {L} on {d} for the border with {C} .",
            "The plant in {L} , {C} , will close on {d} , the union said .",
        ]),
    ];

    private readonly Random random;
    private readonly string[] towns;
    private readonly string[] countries;
    private readonly string[] givenNames;
    private readonly string[] surnames;
    private readonly string[] nationalities;

    public SportsCopyWriter(Gazetteer gazetteer, int seed)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        random = new Random(seed);
        bool Plain(string name) => name.Split(' ').All(w => w.Length > 1 && w.All(char.IsAsciiLetterLower) && !gazetteer.IsCommonWord(w));
        towns = [.. gazetteer.NamesOf(GazetteerTypes.Location)
            .Where(n => !n.Contains(' ', StringComparison.Ordinal) && Plain(n) && n.Length >= 4 && gazetteer.TypesOf(n) == GazetteerTypes.Location)
            .Select(Capitalised)];
        countries = [.. gazetteer.NamesOf(GazetteerTypes.Country).Where(n => n.Split(' ').Length <= 2 && Plain(n)).Select(Capitalised)];
        givenNames = [.. gazetteer.NamesOf(GazetteerTypes.FirstName).Where(n => !n.Contains(' ', StringComparison.Ordinal) && Plain(n)).Select(Capitalised)];
        surnames = [.. gazetteer.NamesOf(GazetteerTypes.Person)
            .Select(n => n[(n.LastIndexOf(' ') + 1)..])
            .Where(n => n.Length >= 3 && Plain(n) && gazetteer.TypesOf(n) is GazetteerTypes.None or GazetteerTypes.Person)
            .Distinct(StringComparer.Ordinal)
            .Select(Capitalised)];
        // Adjectives ("Swiss", "Danish"), not members of a people or faith ("Rastafarians").
        nationalities = [.. gazetteer.NamesOf(GazetteerTypes.Nationality)
            .Where(n => !n.Contains(' ', StringComparison.Ordinal) && Plain(n) && (!n.EndsWith('s') || n.EndsWith("ss", StringComparison.Ordinal)))
            .Select(Capitalised)];
    }

    /// <summary>Sports reports, each of one kind with its own sides: the sentences of each.</summary>
    public IEnumerable<IReadOnlyList<TrainingSentence>> Write(int documents)
    {
        for (var d = 0; d < documents; d++)
        {
            var report = Reports[random.Next(Reports.Length)];
            var sides = Enumerable.Range(0, 6).Select(_ => report.Clubs ? Club(report) : Country()).ToArray();
            List<TrainingSentence> sentences = [];
            // A random selection in the report's order, so that a results line follows its heading.
            var count = Math.Min(report.Sentences.Length, 3 + random.Next(report.Sentences.Length - 2));
            foreach (var k in Enumerable.Range(0, report.Sentences.Length).OrderBy(_ => random.Next()).Take(count).Order())
            {
                sentences.Add(Fill(report.Sentences[k], sides));
            }

            yield return sentences;
        }
    }

    private TrainingSentence Fill(string template, (string[] Words, string Type)[] sides)
    {
        var tokens = new List<string>();
        var tags = new List<string>();
        var side = random.Next(sides.Length);
        foreach (var part in template.Split(' '))
        {
            var start = part.IndexOf('{', StringComparison.Ordinal);
            if (start < 0)
            {
                tokens.Add(part);
                tags.Add("O");
                continue;
            }

            var end = part.IndexOf('}', StringComparison.Ordinal);
            var slot = part[(start + 1)..end];
            var prefix = part[..start];
            var suffix = part[(end + 1)..];
            var (words, type) = slot switch
            {
                Team => sides[side++ % sides.Length],
                "P" => (PersonName(), "PER"),
                "S" => ([Pick(surnames)], "PER"),
                "C" => (Country().Words, "LOC"),
                "L" => ([Pick(towns)], "LOC"),
                "N" => ([Pick(nationalities)], "MISC"),
                "s" => ([string.Create(CultureInfo.InvariantCulture, $"{random.Next(5)}-{random.Next(4)}")], "O"),
                "g" => ([random.Next(6).ToString(CultureInfo.InvariantCulture)], "O"),
                "n" => ([random.Next(2, 99).ToString(CultureInfo.InvariantCulture)], "O"),
                "t" => ([string.Create(CultureInfo.InvariantCulture, $"{random.Next(3, 14)}:{random.Next(10, 60)}.{random.Next(10, 99)}")], "O"),
                "d" => ([Days[random.Next(Days.Length)]], "O"),
                _ => throw new InvalidOperationException($"unknown slot {slot} in a sports template"),
            };
            if (prefix.Length > 0 || suffix.Length > 0)
            {
                // Digits around a number slot ("6-{g}"): one token, never a name.
                tokens.Add(prefix + string.Join(' ', words) + suffix);
                tags.Add("O");
                continue;
            }

            for (var i = 0; i < words.Length; i++)
            {
                tokens.Add(words[i]);
                tags.Add(type == "O" ? "O" : (i == 0 ? "B-" : "I-") + type);
            }
        }

        return new TrainingSentence(tokens, tags);
    }

    private (string[] Words, string Type) Club(Report report)
    {
        var town = Pick(towns);
        string[] words = random.Next(10) switch
        {
            < 5 => [town],
            < 7 when report.NorthAmerican => [town, Nicknames[random.Next(Nicknames.Length)]],
            < 8 => [ClubPrefixes[random.Next(ClubPrefixes.Length)], town],
            _ => [town, ClubSuffixes[random.Next(ClubSuffixes.Length)]],
        };
        return (words, "ORG");
    }

    private (string[] Words, string Type) Country() => (Pick(countries).Split(' '), "LOC");

    private string[] PersonName() => random.Next(4) switch
    {
        0 => [char.ToUpperInvariant(Pick(givenNames)[0]) + ".", Pick(surnames)],
        _ => [Pick(givenNames), Pick(surnames)],
    };

    private string Pick(string[] pool) =>
        pool.Length > 0
            ? pool[random.Next(pool.Length)]
            : throw new CommandFailedException("the gazetteer lacks towns, countries, given names, surnames or nationalities to write sports reports with", "pass the gazetteer `newsroom train gazetteers` builds with --first-names and --countries, or leave out --sports-reports");

    private static string Capitalised(string name) =>
        string.Join(' ', name.Split(' ').Select(w => w is "and" or "of" or "the" ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    private sealed record Report(bool Clubs, string[] Sentences, bool NorthAmerican = false);
}
