using System.Globalization;
using Newsroom.Contracts.V1;

namespace Newsroom.Cli.Bench;

/// <summary>
/// Made-up news for load runs: events of invented groups, companies and places, each reported by a few
/// outlets in their own words, so that the load exercises clustering as real news does (most articles join
/// a story, some open one). The seed fixes every name, so a run's articles are new to a store that holds
/// another run's, and a seed given again repeats a run.
/// </summary>
internal sealed class SyntheticNews(int seed)
{
    /// <summary>Reports per event, on average: a wire story and its rewrites.</summary>
    public const int ReportsPerEvent = 4;

    private static readonly string[] Syllables = ["ka", "lor", "ven", "dra", "mi", "sto", "rel", "an", "thu", "bor", "ix", "el", "na", "quo", "zer", "pal", "te", "gra", "vin", "os"];
    private static readonly string[] Outlets = ["Harbor Ledger", "Northline Dispatch", "Continental Wire", "Evening Courier", "Plain Times", "Coastal Herald"];
    private static readonly string[] Groups = ["Front", "Shipping Company", "Workers' Guild", "Council", "Mining Group", "Party"];
    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    private static readonly (string Present, string Past, string Object)[] Acts =
    [
        ("suspends", "suspended", "its operations against"),
        ("resumes", "resumed", "talks with"),
        ("halts", "halted", "all shipments to"),
        ("demands", "demanded", "a pay rise from"),
        ("condemns", "condemned", "the decision of"),
        ("sues", "sued", "the regional office of"),
    ];

    private readonly Random _names = new(seed);

    /// <summary>The <paramref name="count"/> articles of a run, in the order they are sent.</summary>
    public IReadOnlyList<SubmitArticleRequest> Articles(int count)
    {
        var articles = new List<SubmitArticleRequest>(count);
        var events = new List<Event>();
        var order = new Random(seed ^ 0x5bd1e995);
        while (articles.Count < count)
        {
            // Mostly a further report of a recent event, sometimes a new event: stories grow while new ones start.
            if (events.Count == 0 || order.Next(ReportsPerEvent) == 0)
            {
                events.Add(NewEvent(events.Count));
            }
            var reported = events[Math.Max(0, events.Count - 1 - order.Next(Math.Min(events.Count, 8)))];
            articles.Add(Report(reported, articles.Count, order));
        }
        return articles;
    }

    private Event NewEvent(int number)
    {
        var act = Acts[_names.Next(Acts.Length)];
        return new Event(
            Name() + " " + Groups[_names.Next(Groups.Length)],
            act,
            Name() + " " + Groups[_names.Next(Groups.Length)],
            Name() + "ia",
            Name() + " " + Name(),
            new DateOnly(2025, 1, 6).AddDays(number),
            _names.Next(3, 90));
    }

    private SubmitArticleRequest Report(Event e, int number, Random random)
    {
        var outlet = Outlets[random.Next(Outlets.Length)];
        var weekday = Weekdays[random.Next(Weekdays.Length)];
        var date = e.Day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
        string[] openings =
        [
            $"{e.Actor}, based in {e.Place}, {e.Act.Past} {e.Act.Object} {e.Target} on {weekday}, its spokesman {e.Speaker} said.",
            $"On {weekday} {e.Actor} {e.Act.Past} {e.Act.Object} {e.Target}, according to a statement read by {e.Speaker} in {e.Place}.",
            $"{e.Speaker} told reporters in {e.Place} on {weekday} that {e.Actor} had {e.Act.Past} {e.Act.Object} {e.Target}.",
        ];
        string[] details =
        [
            $"The move follows {e.Number} days of meetings between the two sides.",
            $"{e.Target} said it had not been told in advance and would respond within {e.Number} days.",
            $"Officials in {e.Place} said about {e.Number * 10} people would be affected.",
            $"{e.Speaker} said the decision was final and was taken unanimously.",
        ];
        var text = string.Join("\n\n",
        [
            date,
            openings[random.Next(openings.Length)],
            details[random.Next(details.Length)],
            details[random.Next(details.Length)],
            // A sentence of this report's own: two outlets never send the same text.
            string.Create(CultureInfo.InvariantCulture, $"This report, number {number} of load run {seed}, was filed by the {outlet} desk."),
        ]);
        return new SubmitArticleRequest
        {
            ClientRef = string.Create(CultureInfo.InvariantCulture, $"bench-{seed}-{number}"),
            Url = string.Create(CultureInfo.InvariantCulture, $"https://bench.example/{seed}/{number}"),
            Source = outlet,
            Title = $"{e.Actor} {e.Act.Present} {e.Act.Object} {e.Target}",
            Text = text,
        };
    }

    private string Name()
    {
        var syllables = _names.Next(2, 4);
        var name = string.Concat(Enumerable.Range(0, syllables).Select(_ => Syllables[_names.Next(Syllables.Length)]));
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    private sealed record Event(string Actor, (string Present, string Past, string Object) Act, string Target, string Place, string Speaker, DateOnly Day, int Number);
}
