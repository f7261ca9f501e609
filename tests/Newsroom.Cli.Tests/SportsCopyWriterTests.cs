using Newsroom.Cli.Training;
using Newsroom.Extraction.Tagging;
using Xunit;

namespace Newsroom.Cli.Tests;

/// <summary>The sports reports the tagger also trains on: sides tagged the way news is scored, names from the gazetteer.</summary>
public sealed class SportsCopyWriterTests
{
    private static readonly Gazetteer Gazetteer = new(
        new Dictionary<string, GazetteerTypes>
        {
            ["korsholm"] = GazetteerTypes.Location,
            ["veltrana"] = GazetteerTypes.Location,
            ["norway"] = GazetteerTypes.Location | GazetteerTypes.Country,
            ["chile"] = GazetteerTypes.Location | GazetteerTypes.Country,
            ["ilsa"] = GazetteerTypes.FirstName,
            ["marek tovarin"] = GazetteerTypes.Person,
            ["danish"] = GazetteerTypes.Nationality,
        },
        ["striker", "coach"]);

    private static List<(string Name, string Type)> Names(IEnumerable<IReadOnlyList<TrainingSentence>> reports) =>
        [.. reports.SelectMany(r => r).SelectMany(s => EntitySpans.Of(s.Tags).Select(e => (string.Join(' ', s.Tokens.Skip(e.Start).Take(e.End - e.Start)), e.Type)))];

    [Fact]
    public void Clubs_are_organisations_national_sides_places_and_players_people()
    {
        var names = Names(new SportsCopyWriter(Gazetteer, seed: 1).Write(200));

        Assert.Contains(names, n => n.Type == "ORG" && n.Name.Split(' ').Intersect(["Korsholm", "Veltrana"]).Any());
        Assert.All(names.Where(n => n.Name is "Norway" or "Chile"), n => Assert.Equal("LOC", n.Type));
        Assert.All(names.Where(n => n.Name.EndsWith("Tovarin", StringComparison.Ordinal)), n => Assert.Equal("PER", n.Type));
        Assert.All(names.Where(n => n.Name == "Danish"), n => Assert.Equal("MISC", n.Type));
        // A town is a club where a side plays, a place where a match is played.
        Assert.Contains(names, n => n.Type == "LOC" && n.Name is "Korsholm" or "Veltrana");
        Assert.Contains(names, n => n.Type == "ORG" && n.Name is "Korsholm" or "Veltrana");
    }

    [Fact]
    public void Outside_sport_towns_are_places()
    {
        var sentences = new SportsCopyWriter(Gazetteer, seed: 1).Write(200).SelectMany(r => r).ToList();

        // Sports sentences name one venue at most; briefs of other news name towns as places beside no side at all.
        Assert.Contains(sentences, s =>
            EntitySpans.Of(s.Tags).Count(e => e.Type == "LOC" && s.Tokens[e.Start] is "Korsholm" or "Veltrana") >= 2
            && !EntitySpans.Of(s.Tags).Any(e => e.Type == "ORG"));
    }

    [Fact]
    public void The_same_seed_writes_the_same_reports()
    {
        static string Text(int seed) => string.Join('\n', new SportsCopyWriter(Gazetteer, seed).Write(30).SelectMany(r => r)
            .Select(s => string.Join(' ', s.Tokens.Zip(s.Tags, (t, g) => t + "/" + g))));

        Assert.Equal(Text(1), Text(1));
        Assert.NotEqual(Text(1), Text(2));
    }

    [Fact]
    public void A_gazetteer_without_countries_is_refused_with_what_to_pass()
    {
        var noCountries = new Gazetteer(new Dictionary<string, GazetteerTypes> { ["korsholm"] = GazetteerTypes.Location }, []);

        var error = Assert.Throws<CommandFailedException>(() => new SportsCopyWriter(noCountries, seed: 1).Write(50).ToList());

        Assert.Contains("--countries", error.Hint, StringComparison.Ordinal);
    }
}
