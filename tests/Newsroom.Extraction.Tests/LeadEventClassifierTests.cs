using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;

namespace Newsroom.Extraction.Tests;

public sealed class LeadEventClassifierTests
{
    private static readonly DateTimeOffset Published = new(2024, 1, 31, 12, 0, 0, TimeSpan.Zero);

    private static ArticleLeadEvent? Lead(string title, string text, DateTimeOffset? published = null) =>
        new ArticleExtractor().Extract(
            new ArticleIngested
            {
                ArticleId = "a1",
                Url = string.Empty,
                Source = string.Empty,
                Title = title,
                Text = text,
                Published = published ?? Published,
                ContentHash = "h",
                IngestedAt = Published,
            },
            Published).LeadEvent;

    [Theory]
    [InlineData("Zentria Liberation Front suspends attacks on government forces", EventAction.Suspend, "suspends attacks")]
    [InlineData("Zentria Liberation Front announces resumption of operations in the north", EventAction.Resume, "resumption of operations")]
    [InlineData("Zentria Liberation Front shells border posts", EventAction.Attack, "shells")]
    [InlineData("Zentria Liberation Front threatens the capital", EventAction.Threaten, "threatens")]
    [InlineData("Zentria Liberation Front denounces the new sanctions", EventAction.Condemn, "denounces")]
    [InlineData("Zentria Liberation Front demands release of prisoners", EventAction.Demand, "demands")]
    [InlineData("Zentria Liberation Front warns Lorania to withdraw its troops", EventAction.Demand, "warns Lorania to withdraw")]
    public void The_title_gives_the_action_class_and_its_words(string title, EventAction action, string actionText)
    {
        var lead = Lead(title, "Fighters of the group met in the mountains near the border for several days this month.");
        Assert.NotNull(lead);
        Assert.Equal(action, lead.Action);
        Assert.Equal(actionText, lead.ActionText);
        Assert.Equal("Zentria Liberation Front", lead.ActorText);
        Assert.NotNull(lead.ActorEntityId);
    }

    [Fact]
    public void Without_an_actor_in_the_title_the_lead_sentence_subject_is_the_actor()
    {
        var lead = Lead(
            "Rebel faction warns Lorania to withdraw",
            "The Zentria Liberation Front repeated calls for Lorania troops to withdraw from the valley on Monday.");
        Assert.NotNull(lead);
        Assert.Equal(EventAction.Demand, lead.Action);
        Assert.Equal("Zentria Liberation Front", lead.ActorText);
        Assert.Equal(new DateOnly(2024, 1, 29), lead.Date);
    }

    [Fact]
    public void The_target_is_the_first_entity_after_the_action_with_its_head_noun()
    {
        var lead = Lead("Zentria Liberation Front suspends operations against Lorania forces in the region", "No further details were given by anyone in the region today.");
        Assert.NotNull(lead);
        Assert.Equal("Lorania forces", lead.TargetText);
        Assert.NotNull(lead.TargetEntityId);
    }

    [Fact]
    public void The_date_comes_from_a_lead_sentence_with_the_same_action()
    {
        var lead = Lead(
            "Zentria Liberation Front suspends operations",
            "The group said the decision was final and would be respected by all.\n\n\"We announce the suspension of operations,\" said the group's leader Abu Karim al-Vendari yesterday.");
        Assert.NotNull(lead);
        Assert.Equal(new DateOnly(2024, 1, 30), lead.Date);
    }

    [Fact]
    public void An_article_without_action_words_has_no_lead_event()
    {
        Assert.Null(Lead("Weather in Lorania", "Skies over the valley were clear and the markets were busy with shoppers all day."));
    }
}
