using Newsroom.Contracts.V1;

namespace Newsroom.Extraction.Tests;

public sealed class AliasResolverTests
{
    private static Dictionary<string, string> Resolve(string text)
    {
        var mentions = new AliasResolver().Resolve(text, new EntityRecognizer().Recognize(text));
        return mentions.GroupBy(m => m.Text).ToDictionary(g => g.Key, g => g.First().CanonicalId);
    }

    [Fact]
    public void A_parenthetical_acronym_joins_its_definition()
    {
        var ids = Resolve("The Zentria Liberation Front (ZLF) said on Monday that the ZLF would respond.");
        Assert.Equal(ids["Zentria Liberation Front"], ids["ZLF"]);
    }

    [Fact]
    public void An_acronym_of_the_initials_of_one_name_joins_it()
    {
        var ids = Resolve("Fighters of the Lorian Defence Corps crossed the river. LDC commanders denied it.");
        Assert.Equal(ids["Lorian Defence Corps"], ids["LDC"]);
    }

    [Fact]
    public void A_surname_joins_the_full_name_and_takes_its_canonical_name()
    {
        var text = "President Orvel Brandtmoor spoke on Monday. Later, Brandtmoor left for the airport.";
        var mentions = new AliasResolver().Resolve(text, new EntityRecognizer().Recognize(text));
        var surname = mentions.Single(m => m.Text == "Brandtmoor");
        Assert.Equal("Orvel Brandtmoor", surname.CanonicalName);
        Assert.Equal(EntityType.Person, surname.Type);
        Assert.Equal(mentions.Single(m => m.Text == "Orvel Brandtmoor").CanonicalId, surname.CanonicalId);
    }

    [Fact]
    public void A_place_does_not_join_a_person_of_the_same_surname()
    {
        var ids = Resolve("George Washington crossed the Delaware. Today the talks in Washington ended.");
        Assert.NotEqual(ids["George Washington"], ids["Washington"]);
    }

    [Fact]
    public void Ids_do_not_depend_on_the_article()
    {
        var first = Resolve("The Zentria Liberation Front attacked a base.");
        var second = Resolve("A spokesman for the Zentria Liberation Front denied the report in Lorania.");
        Assert.Equal(first["Zentria Liberation Front"], second["Zentria Liberation Front"]);
    }
}
