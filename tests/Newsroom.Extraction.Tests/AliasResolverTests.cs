using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;

namespace Newsroom.Extraction.Tests;

/// <summary>
/// Alias resolution from given spans and types, as any recogniser would hand them over: each rule, and
/// the cases where it must not merge.
/// </summary>
public sealed class AliasResolverTests
{
    private const EntityType Org = EntityType.Organization;
    private const EntityType Per = EntityType.Person;
    private const EntityType Loc = EntityType.Location;

    [Fact]
    public void A_parenthetical_acronym_joins_its_definition_either_way_round()
    {
        var defined = Resolve("The Zentria Liberation Front (ZLF) said on Monday that the ZLF would respond.", ("Zentria Liberation Front", Org), ("ZLF", Org), ("ZLF", Org));
        Assert.Equal(defined["Zentria Liberation Front"].CanonicalId, defined["ZLF"].CanonicalId);
        Assert.Equal("Zentria Liberation Front", defined["ZLF"].CanonicalName);

        var reversed = Resolve("The QRM (Quorin Relief Mission) said it would stay.", ("QRM", Org), ("Quorin Relief Mission", Org));
        Assert.Equal(reversed["Quorin Relief Mission"].CanonicalId, reversed["QRM"].CanonicalId);
    }

    [Fact]
    public void An_acronym_of_the_initials_of_one_name_joins_it()
    {
        var mentions = Resolve("Fighters of the Lorian Defence Corps crossed the river. LDC commanders denied it.", ("Lorian Defence Corps", Org), ("LDC", Org));
        Assert.Equal(mentions["Lorian Defence Corps"].CanonicalId, mentions["LDC"].CanonicalId);
    }

    [Theory]
    [InlineData("The Veyra River Front, also known as the Veyra Brigades, attacked.")]
    [InlineData("The Veyra River Front (known as Veyra Brigades) attacked.")]
    [InlineData("The Veyra River Front (Veyra Brigades) attacked.")]
    [InlineData("The Veyra River Front, or the Veyra Brigades, attacked.")]
    [InlineData("The Veyra River Front, a.k.a. Veyra Brigades, attacked.")]
    public void An_alias_the_text_gives_joins_the_name(string text)
    {
        var mentions = Resolve(text, ("Veyra River Front", Org), ("Veyra Brigades", Org));
        Assert.Equal(mentions["Veyra River Front"].CanonicalId, mentions["Veyra Brigades"].CanonicalId);
        Assert.Equal("Veyra River Front", mentions["Veyra Brigades"].CanonicalName);
    }

    [Theory]
    [InlineData("Talks between Lorania or Zentria stalled.", "Lorania", Loc, "Zentria", Loc)]
    [InlineData("Talks in Velmar (Lorania) stalled.", "Velmar", Loc, "Lorania", Loc)]
    [InlineData("The Veyra River Front, or the Quorin Relief Mission, will decide.", "Veyra River Front", Org, "Quorin Relief Mission", Per)]
    public void A_list_a_place_qualifier_or_a_different_type_is_not_an_alias(string text, string one, EntityType oneType, string other, EntityType otherType)
    {
        var mentions = Resolve(text, (one, oneType), (other, otherType));
        Assert.NotEqual(mentions[one].CanonicalId, mentions[other].CanonicalId);
    }

    [Fact]
    public void A_surname_joins_the_full_name_and_takes_its_name_and_type()
    {
        var mentions = Resolve("President Orvel Brandtmoor spoke on Monday. Later, Brandtmoor left for the airport.", ("President Orvel Brandtmoor", Per), ("Brandtmoor", EntityType.Other));
        var surname = mentions["Brandtmoor"];
        Assert.Equal("Orvel Brandtmoor", surname.CanonicalName);
        Assert.Equal(Per, surname.Type);
        Assert.Equal(mentions["President Orvel Brandtmoor"].CanonicalId, surname.CanonicalId);
        Assert.Equal(CanonicalKey.IdOf(CanonicalKey.Of("Orvel Brandtmoor")), surname.CanonicalId);
    }

    [Theory]
    [InlineData("Coach")]
    [InlineData("WR")]
    [InlineData("Actress")]
    public void A_role_before_a_surname_is_a_title_not_a_second_person(string role)
    {
        var text = $"{role} Brandtmoor will stay. Orvel Brandtmoor signed on Monday, and Brandtmoor was happy.";
        var mentions = Resolve(text, ($"{role} Brandtmoor", Per), ("Orvel Brandtmoor", Per), ("Brandtmoor", Per));
        Assert.Equal(mentions["Orvel Brandtmoor"].CanonicalId, mentions[$"{role} Brandtmoor"].CanonicalId);
        Assert.Equal(mentions["Orvel Brandtmoor"].CanonicalId, mentions["Brandtmoor"].CanonicalId);
        Assert.Equal("Orvel Brandtmoor", mentions["Brandtmoor"].CanonicalName);
    }

    [Fact]
    public void A_surname_two_people_share_joins_neither()
    {
        var mentions = Resolve("Orvel Brandtmoor and his sister Ilsa Brandtmoor arrived. Brandtmoor said little.", ("Orvel Brandtmoor", Per), ("Ilsa Brandtmoor", Per), ("Brandtmoor", Per));
        Assert.NotEqual(mentions["Orvel Brandtmoor"].CanonicalId, mentions["Ilsa Brandtmoor"].CanonicalId);
        Assert.NotEqual(mentions["Orvel Brandtmoor"].CanonicalId, mentions["Brandtmoor"].CanonicalId);
        Assert.NotEqual(mentions["Ilsa Brandtmoor"].CanonicalId, mentions["Brandtmoor"].CanonicalId);
    }

    [Fact]
    public void A_prefixed_surname_joins_the_full_name_whatever_its_type()
    {
        var mentions = Resolve("Prime Minister Mohamed Shia Al-Sudani met envoys. Al-Sudani said talks went well.", ("Mohamed Shia Al-Sudani", Per), ("Al-Sudani", Loc));
        Assert.Equal(mentions["Mohamed Shia Al-Sudani"].CanonicalId, mentions["Al-Sudani"].CanonicalId);
        Assert.Equal(Per, mentions["Al-Sudani"].Type);
    }

    [Fact]
    public void A_place_does_not_join_a_person_of_the_same_surname()
    {
        var mentions = Resolve("George Washington crossed the Delaware. Today the talks in Washington ended.", ("George Washington", Per), ("Delaware", Loc), ("Washington", Loc));
        Assert.NotEqual(mentions["George Washington"].CanonicalId, mentions["Washington"].CanonicalId);
    }

    [Fact]
    public void A_one_word_name_inside_an_organisation_is_a_different_organisation()
    {
        var mentions = Resolve("Kataib Hezbollah is distinct from Hezbollah in Lebanon.", ("Kataib Hezbollah", Org), ("Hezbollah", Org), ("Lebanon", Loc));
        Assert.NotEqual(mentions["Kataib Hezbollah"].CanonicalId, mentions["Hezbollah"].CanonicalId);
        Assert.Equal("Hezbollah", mentions["Hezbollah"].CanonicalName);
    }

    [Fact]
    public void A_shorter_name_joins_a_longer_one_of_the_same_type_only()
    {
        var same = Resolve("The Islamic Resistance in Velmar fired rockets; the Islamic Resistance said so.", ("Islamic Resistance in Velmar", Org), ("Islamic Resistance", Org));
        Assert.Equal(same["Islamic Resistance in Velmar"].CanonicalId, same["Islamic Resistance"].CanonicalId);

        var other = Resolve("The New Velmar Times reported floods in New Velmar.", ("New Velmar Times", Org), ("New Velmar", Loc));
        Assert.NotEqual(other["New Velmar Times"].CanonicalId, other["New Velmar"].CanonicalId);
    }

    [Fact]
    public void A_group_has_the_type_most_of_its_mentions_have()
    {
        var mentions = Resolve("Velmar Dynamics grew. Velmar Dynamics hired. Velmar Dynamics sold.", ("Velmar Dynamics", Org), ("Velmar Dynamics", Loc), ("Velmar Dynamics", Org));
        Assert.All(mentions.Values, m => Assert.Equal(Org, m.Type));
    }

    [Fact]
    public void Country_short_forms_are_one_place_in_every_article()
    {
        var first = Resolve("US forces left.", ("US", Org));
        var second = Resolve("U.S. troops stayed.", ("U.S.", Loc));
        var third = Resolve("The United States and the USA agreed.", ("United States", Loc), ("USA", Loc));
        var mentions = new[] { first["US"], second["U.S."], third["United States"], third["USA"] };
        Assert.Single(mentions.Select(m => (m.CanonicalId, m.CanonicalName, m.Type)).Distinct());
        Assert.Equal(("United States", Loc), (first["US"].CanonicalName, first["US"].Type));
    }

    [Fact]
    public void Spelling_variants_in_different_articles_get_one_id_and_one_name()
    {
        var first = Resolve("Mohammed Shia Sudani met Abu Hussein al-Hamidawi of Kataib Hezbollah. al-Sudani left.",
            ("Mohammed Shia Sudani", Per), ("Abu Hussein al-Hamidawi", Per), ("Kataib Hezbollah", Org), ("al-Sudani", Per));
        var second = Resolve("KATAEB HEZBOLLAH warns Mohamed Shia Al-Sudani, says Abu Hussein Al-Hamidawi.",
            ("KATAEB HEZBOLLAH", Org), ("Mohamed Shia Al-Sudani", Per), ("Abu Hussein Al-Hamidawi", Per));
        foreach (var (one, other) in new[] { ("Mohammed Shia Sudani", "Mohamed Shia Al-Sudani"), ("Abu Hussein al-Hamidawi", "Abu Hussein Al-Hamidawi"), ("Kataib Hezbollah", "KATAEB HEZBOLLAH") })
        {
            Assert.Equal((first[one].CanonicalId, first[one].CanonicalName), (second[other].CanonicalId, second[other].CanonicalName));
        }
    }

    [Fact]
    public void The_name_does_not_depend_on_which_spelling_comes_first()
    {
        var forward = Resolve("Kataeb Hezbollah and Kataib Hezbollah", ("Kataeb Hezbollah", Org), ("Kataib Hezbollah", Org));
        var backward = Resolve("Kataib Hezbollah and Kataeb Hezbollah", ("Kataib Hezbollah", Org), ("Kataeb Hezbollah", Org));
        Assert.Equal(forward["Kataeb Hezbollah"].CanonicalName, backward["Kataeb Hezbollah"].CanonicalName);
        Assert.Equal(forward["Kataeb Hezbollah"].CanonicalId, backward["Kataeb Hezbollah"].CanonicalId);
    }

    /// <summary>Resolves the given spans, each found in the text after the one before; the result by mention text (the last such mention).</summary>
    private static Dictionary<string, EntityMention> Resolve(string text, params (string Span, EntityType Type)[] spans)
    {
        var entities = new List<RecognizedEntity>();
        var from = 0;
        foreach (var (span, type) in spans)
        {
            var start = text.IndexOf(span, from, StringComparison.Ordinal);
            Assert.True(start >= 0, $"\"{span}\" is not in the text after offset {from}");
            entities.Add(new RecognizedEntity(span, type, start, start + span.Length));
            from = start + span.Length;
        }

        var mentions = new AliasResolver().Resolve(text, entities);
        Assert.Equal(entities.Count, mentions.Count);
        return mentions.GroupBy(m => m.Text).ToDictionary(g => g.Key, g => g.Last());
    }
}
