using Newsroom.Contracts.V1;

namespace Newsroom.Extraction.Tests;

public sealed class EntityRecognizerTests
{
    private readonly EntityRecognizer recognizer = new();

    private List<(string Text, EntityType Type)> Recognize(string text)
    {
        var entities = recognizer.Recognize(text);
        foreach (var e in entities)
        {
            Assert.Equal(e.Text, text.Substring(e.Start, e.End - e.Start));
        }

        return entities.Select(e => (e.Text, e.Type)).ToList();
    }

    [Fact]
    public void Titles_are_cut_off_and_mark_the_name_as_a_person()
    {
        var entities = Recognize("The talks were led by Prime Minister Zorgan Quillfeather in the capital.");
        Assert.Contains(("Zorgan Quillfeather", EntityType.Person), entities);
        Assert.DoesNotContain(entities, e => e.Text.Contains("Minister", StringComparison.Ordinal));
    }

    [Fact]
    public void Hyphenated_titles_split_an_organisation_from_its_officer()
    {
        var entities = Recognize("A statement from Zentria Secretary-General Abu Karim al-Vendari was read.");
        Assert.Contains(("Abu Karim al-Vendari", EntityType.Person), entities);
    }

    [Fact]
    public void Organisation_heads_and_their_complements_make_one_organisation()
    {
        var entities = Recognize("Attacks were claimed by the Popular Front of Lorania on Monday.");
        Assert.Contains(("Popular Front of Lorania", EntityType.Organization), entities);
    }

    [Fact]
    public void Known_places_are_locations_and_weekdays_are_not_entities()
    {
        var entities = Recognize("Officials in Baghdad said on Thursday that talks in Washington had ended.");
        Assert.Contains(("Baghdad", EntityType.Location), entities);
        Assert.Contains(("Washington", EntityType.Location), entities);
        Assert.DoesNotContain(entities, e => e.Text == "Thursday" || e.Text == "Officials");
    }

    [Fact]
    public void A_possessive_ends_a_name()
    {
        var entities = Recognize("Iraq’s Zentria Brigades issued a statement.");
        Assert.Contains(("Iraq", EntityType.Location), entities);
        Assert.Contains(entities, e => e.Text == "Zentria Brigades");
    }

    [Fact]
    public void Unknown_acronyms_are_organisations_and_kickers_are_dropped()
    {
        var entities = Recognize("READ: The ZLF said it would respond.");
        Assert.Contains(("ZLF", EntityType.Organization), entities);
        Assert.DoesNotContain(entities, e => e.Text == "READ");
    }
}
