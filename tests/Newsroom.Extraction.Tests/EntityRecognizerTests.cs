using Newsroom.Contracts.V1;

namespace Newsroom.Extraction.Tests;

/// <summary>The shipped tagger on running text with made-up names, so what passes here was learnt, not looked up.</summary>
public sealed class EntityRecognizerTests
{
    private readonly EntityRecognizer recognizer = new();

    private List<(string Text, EntityType Type)> Recognize(string text)
    {
        var entities = recognizer.Recognize(text);
        foreach (var e in entities)
        {
            Assert.Equal(e.Text, text[e.Start..e.End]);
        }

        return entities.Select(e => (e.Text, e.Type)).ToList();
    }

    [Fact]
    public void Names_are_typed_from_their_context()
    {
        var entities = Recognize("A militia in northern Kaldovia said on Tuesday it would halt attacks. The group, the Kaldovian Liberation Army, said its leader Marek Tovarin had ordered the pause.");

        Assert.Contains(("Kaldovia", EntityType.Location), entities);
        Assert.Contains(("Kaldovian Liberation Army", EntityType.Organization), entities);
        Assert.Contains(("Marek Tovarin", EntityType.Person), entities);
        Assert.DoesNotContain(entities, e => e.Text is "Tuesday" or "A" or "The");
    }

    [Fact]
    public void In_sports_copy_a_club_is_an_organisation_even_when_it_bears_its_towns_name()
    {
        var entities = Recognize("Leeds moved up to fifth in the table after a 2-0 win at Everton. Tottenham manager Gerry Francis was fined by the Football Association.");

        Assert.Contains(("Leeds", EntityType.Organization), entities);
        Assert.Contains(("Everton", EntityType.Organization), entities);
        Assert.Contains(("Tottenham", EntityType.Organization), entities);
        Assert.Contains(("Gerry Francis", EntityType.Person), entities);
    }

    [Fact]
    public void In_sports_copy_a_national_side_is_its_country_a_place()
    {
        var entities = Recognize("Spain and Norway drew 1-1 in their World Cup qualifier in Seville on Wednesday.");

        Assert.Contains(("Spain", EntityType.Location), entities);
        Assert.Contains(("Norway", EntityType.Location), entities);
        Assert.Contains(("Seville", EntityType.Location), entities);
    }

    [Fact]
    public void Outside_sport_a_town_that_has_a_club_is_a_place()
    {
        var entities = Recognize("The company said it would cut 3,000 jobs at its plants in Bremen and Hamburg. The consortium, based in Toulouse, had also bid.");

        Assert.Contains(("Bremen", EntityType.Location), entities);
        Assert.Contains(("Hamburg", EntityType.Location), entities);
        Assert.Contains(("Toulouse", EntityType.Location), entities);
    }

    [Fact]
    public void A_numeric_dateline_in_running_text_names_its_place()
    {
        var entities = Recognize("KORSHOLM 1996-08-30\nThe council of Korsholm met on Friday.");

        Assert.Contains(("KORSHOLM", EntityType.Location), entities);
    }

    [Fact]
    public void Known_places_are_locations_and_weekdays_are_not_entities()
    {
        var entities = Recognize("Officials in Baghdad said on Thursday that talks in Washington had ended.");

        Assert.Contains(("Baghdad", EntityType.Location), entities);
        Assert.Contains(("Washington", EntityType.Location), entities);
        Assert.DoesNotContain(entities, e => e.Text is "Thursday" or "Officials");
    }

    [Fact]
    public void A_possessive_ends_a_name()
    {
        var entities = Recognize("Iraq’s Zentria Brigades issued a statement.");

        Assert.Contains(("Iraq", EntityType.Location), entities);
        Assert.Contains(entities, e => e.Text == "Zentria Brigades");
    }

    [Fact]
    public void An_all_caps_headline_is_read_against_the_story_below_it()
    {
        var entities = Recognize("MILITIA IN NORTHERN KALDOVIA SAYS IT WILL HALT ATTACKS\n\nA militia in northern Kaldovia said on Tuesday it would halt attacks on government forces in Veltrana.");

        Assert.Contains(("KALDOVIA", EntityType.Location), entities);
        Assert.DoesNotContain(entities, e => e.Text is "MILITIA" or "SAYS" or "HALT" or "ATTACKS" or "IT" or "WILL");
    }

    [Fact]
    public void A_sports_slug_is_no_part_of_the_headline_names()
    {
        var entities = Recognize("BASKETBALL - NBA RESULTS\n\nResults of NBA games on Tuesday: Veltrana 104 Korsholm 96.");

        Assert.DoesNotContain(entities, e => e.Text.Contains("BASKETBALL", StringComparison.Ordinal));
        Assert.Contains(entities, e => e.Text == "NBA" && e.Type == EntityType.Organization);
    }

    [Fact]
    public void A_legal_form_or_trade_makes_a_name_a_company()
    {
        var entities = Recognize("Shares of Korsholm Securities rose, while Veltrana-Benz AG said profits fell.");

        Assert.Contains(("Korsholm Securities", EntityType.Organization), entities);
        Assert.Contains(("Veltrana-Benz AG", EntityType.Organization), entities);
    }

    [Fact]
    public void A_company_named_once_with_its_legal_form_is_a_company_wherever_its_name_stands()
    {
        var entities = Recognize("Lantern said on Monday that profits rose. Shares of Lantern Inc. gained 4 percent.");

        Assert.Contains(("Lantern Inc.", EntityType.Organization), entities);
        Assert.Contains(("Lantern", EntityType.Organization), entities);
    }

    [Fact]
    public void An_Arabic_militia_named_by_its_kind_is_an_organisation()
    {
        var entities = Recognize("Harakat al-Veltrani said on Monday that its fighters had left, and Jaish al-Korsholmi denied any role.");

        Assert.Contains(("Harakat al-Veltrani", EntityType.Organization), entities);
        Assert.Contains(("Jaish al-Korsholmi", EntityType.Organization), entities);
    }

    [Fact]
    public void Text_without_names_has_no_entities()
    {
        Assert.Empty(Recognize("it was a quiet day, and nothing much happened at all."));
        Assert.Empty(Recognize(string.Empty));
    }
}
