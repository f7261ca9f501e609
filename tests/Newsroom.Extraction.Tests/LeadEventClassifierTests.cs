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

    /// <summary>A text without action words, so that the title alone gives the lead event.</summary>
    private const string NoActionText = "Fighters and players met in the mountains near the border for several days this month.";

    /// <summary>The lead event of an article with this title and a text (by default one without action words), which must be of this class.</summary>
    private static ArticleLeadEvent TitleLead(string title, EventAction action, string text = NoActionText)
    {
        var lead = Lead(title, text);
        Assert.NotNull(lead);
        Assert.Equal(action, lead.Action);
        return lead;
    }

    /// <summary>The class of the lead event an article with this title and no action words in its text gets; unspecified when none.</summary>
    private static EventAction TitleAction(string title) => Lead(title, NoActionText)?.Action ?? EventAction.Unspecified;

    [Theory]
    [InlineData("Zentria Liberation Front suspends attacks on government forces", EventAction.Suspend, "suspends attacks")]
    [InlineData("Zentria Liberation Front announces resumption of operations in the north", EventAction.Resume, "resumption of operations")]
    [InlineData("Zentria Liberation Front shells border posts", EventAction.Attack, "shells")]
    [InlineData("Zentria Liberation Front threatens the capital", EventAction.Threaten, "threatens")]
    [InlineData("Zentria Liberation Front denounces the new sanctions", EventAction.Condemn, "denounces")]
    [InlineData("Zentria Liberation Front demands release of prisoners", EventAction.Demand, "demands")]
    [InlineData("Zentria Liberation Front warns Lorania to withdraw its troops", EventAction.Demand, "warns Lorania to withdraw")]
    [InlineData("Zentria Liberation Front kills two border guards", EventAction.Kill, "kills")]
    [InlineData("Zentria Liberation Front detains two foreign journalists", EventAction.Arrest, "detains")]
    [InlineData("Zentria Liberation Front releases two hostages held in the mountains", EventAction.Release, "releases")]
    [InlineData("Zentria Liberation Front releases a video of its leader", EventAction.Announce, "releases")]
    [InlineData("Zentria Liberation Front unveils a new leadership council", EventAction.Announce, "unveils")]
    [InlineData("Zentria Liberation Front announces the suspension of its attacks", EventAction.Suspend, "suspension of its attacks")]
    [InlineData("Zentria Liberation Front is buying a fleet of trucks", EventAction.Acquire, "buying")]
    [InlineData("Zentria Liberation Front shot and killed two guards", EventAction.Kill, "killed")]
    [InlineData("Zentria Liberation Front ends its truce with Lorania", EventAction.Resume, "truce")]
    [InlineData("Zentria Liberation Front takes over as the ruling council of the valley", EventAction.Appoint, "takes over as")]
    [InlineData("Zentria Liberation Front seizes a cargo ship in the strait", EventAction.Seize, "seizes")]
    [InlineData("Zentria Liberation Front hijacks a cargo ship in the strait", EventAction.Seize, "hijacks")]
    [InlineData("Zentria Liberation Front takes control of the border crossing", EventAction.Seize, "takes control")]
    [InlineData("Zentria Liberation Front collapses as its commanders defect", EventAction.Collapse, "collapses")]
    [InlineData("Zentria Liberation Front investigates the killing of its commander", EventAction.Investigate, "investigates")]
    [InlineData("Zentria Liberation Front approves a new leadership council", EventAction.Approve, "approves")]
    [InlineData("Zentria Liberation Front designates Lorania a hostile state", EventAction.Sanction, "designates")]
    [InlineData("Zentria Liberation Front finds a weapons cache near the border", EventAction.Discover, "finds")]
    [InlineData("Zentria Liberation Front uncovers a plot against its leaders", EventAction.Discover, "uncovers")]
    [InlineData("Zentria Liberation Front commander found dead in the mountains", EventAction.Die, "found dead")]
    [InlineData("Zentria Liberation Front commander found deceased in the mountains", EventAction.Die, "found deceased")]
    [InlineData("Zentria Liberation Front finds its former commander guilty of treason", EventAction.Sentence, "finds its former commander guilty")]
    public void The_title_gives_the_action_class_and_its_words(string title, EventAction action, string actionText)
    {
        var lead = Lead(title, "Fighters of the group met in the mountains near the border for several days this month.");
        Assert.NotNull(lead);
        Assert.Equal(action, lead.Action);
        Assert.Equal(actionText, lead.ActionText);
        Assert.Equal("Zentria Liberation Front", lead.ActorText);
        Assert.NotNull(lead.ActorEntityId);
    }

    [Theory]
    [InlineData("A Lorania Airways flight made an emergency landing in the capital after a window blew out on Friday night.", "made an emergency landing")]
    [InlineData("A freight train derailed near the border town on Friday night, spilling fuel into the river.", "derailed")]
    [InlineData("A container ship collided with a bridge over the river on Friday night, bringing down its main span.", "collided")]
    public void Accidents_are_crashes(string text, string actionText)
    {
        var lead = Lead(string.Empty, text);
        Assert.NotNull(lead);
        Assert.Equal(EventAction.Crash, lead.Action);
        Assert.Equal(actionText, lead.ActionText);
    }

    [Fact]
    public void A_word_in_a_name_is_no_action()
    {
        var lead = Lead(string.Empty, "Agents of the Federal Bureau of Investigation boarded the cargo ship in the harbour on Monday, officials said.");
        Assert.True(lead is null || lead.Action != EventAction.Investigate, $"read {lead?.Action} from '{lead?.ActionText}'");
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

    [Fact]
    public void A_passive_makes_the_subject_the_target_and_the_date_comes_from_its_sentence()
    {
        var lead = Lead(string.Empty, "Abu Karim al-Vendari was sentenced to ten years in prison by a court in the capital on Monday.");
        Assert.NotNull(lead);
        Assert.Equal(EventAction.Sentence, lead.Action);
        Assert.Equal("Abu Karim al-Vendari", lead.TargetText);
        Assert.Equal(new DateOnly(2024, 1, 29), lead.Date);
    }

    [Theory]
    [InlineData("A strong earthquake which hit the province on Tuesday killed a child and injured dozens in the town.", EventAction.Kill)]
    [InlineData("Video of the fatal shooting of a teenager in the town was shown to the jury at the trial on Monday.", EventAction.Attack)]
    public void Neither_a_time_nor_an_adjective_before_the_action_is_its_actor(string text, EventAction action)
    {
        var lead = Lead(string.Empty, text);
        Assert.NotNull(lead);
        Assert.Equal(action, lead.Action);
        Assert.Equal(string.Empty, lead.ActorText);
    }

    [Theory]
    [InlineData("Marcus Whitfield arrested on suspicion of drunken driving")]
    [InlineData("Chargers' Marcus Whitfield arrested on suspicion of drunken driving")]
    [InlineData("Rovers striker Marcus Whitfield arrested after a car crash")]
    [InlineData("Marcus Whitfield charged with drunken driving")]
    public void A_headline_participle_is_a_passive_whose_subject_is_the_target(string title)
    {
        var lead = Lead(title, "The club said it was aware of the matter and would comment later in the week.");
        Assert.NotNull(lead);
        Assert.Equal(EventAction.Arrest, lead.Action);
        Assert.Equal("Marcus Whitfield", lead.TargetText);
        Assert.Equal(string.Empty, lead.ActorText);
    }

    [Fact]
    public void A_place_before_a_person_in_a_title_case_headline_is_not_the_one_acted_on()
    {
        var lead = TitleLead("Texas Woman Killed In Hit-And-Run Crash", EventAction.Kill, "A woman from Texas was killed when a car hit her on a road near the border on Sunday.");
        Assert.NotEqual("Texas", lead.TargetText);
    }

    [Theory]
    [InlineData("Athens riot over teenager's death", EventAction.Die)]
    [InlineData("Man found guilty of murder in the shooting of a neighbour", EventAction.Sentence)]
    public void Neither_a_place_that_a_death_befell_nor_the_subject_of_a_headline_passive_before_of_is_the_actor(string title, EventAction action)
    {
        Assert.Equal(string.Empty, TitleLead(title, action).ActorText);
    }

    [Fact]
    public void A_headline_participle_with_an_object_stays_active()
    {
        var lead = Lead("Police arrested Marcus Whitfield on Sunday", "The club said Marcus Whitfield would play in the cup final next week all the same.");
        Assert.NotNull(lead);
        Assert.Equal(EventAction.Arrest, lead.Action);
        Assert.Equal("Police", lead.ActorText);
        Assert.Equal("Marcus Whitfield", lead.TargetText);
    }

    [Theory]
    [InlineData("Marcus Whitfield throws for 205 yards as Rovers beat Albion 20-13", EventAction.Defeat, "Rovers")]
    [InlineData("The Zentria Liberation Front as well as Hezbollah attacked the convoy", EventAction.Attack, "Zentria Liberation Front")]
    [InlineData("Abu Karim al-Vendari trial: Zentria Liberation Front threatens the court", EventAction.Threaten, "Zentria Liberation Front")]
    [InlineData("Sudan accuses Ethiopia of shelling border villages", EventAction.Attack, "Ethiopia")]
    [InlineData("Texas man pleads guilty to threatening a senator", EventAction.Threaten, "")]
    [InlineData("A Harbor Ledger reporter saw the Zentria Liberation Front attack the convoy", EventAction.Attack, "Zentria Liberation Front")]
    [InlineData("Vigil for slain teen killed by Zentria Liberation Front turns into a riot", EventAction.Kill, "Zentria Liberation Front")]
    [InlineData("(Reuters) - Fighters attacked a convoy near the border on Thursday", EventAction.Attack, "Fighters")]
    [InlineData("By Marcus Whitfield (Reuters) - Fighters attacked a convoy near the border on Thursday", EventAction.Attack, "Fighters")]
    [InlineData("Abu Karim al-Vendari spoke out against Israel's attacks on three schools", EventAction.Attack, "Israel")]
    [InlineData("Qualcomm welcomed Intel's $5.4bn acquisition of Altera on Monday", EventAction.Acquire, "Intel")]
    [InlineData("The Harbor Ledger said the Zentria Liberation Front attacked a convoy near the border", EventAction.Attack, "Zentria Liberation Front")]
    [InlineData("The Zentria Liberation Front said on Tuesday that it attacked a convoy near the border", EventAction.Attack, "Zentria Liberation Front")]
    [InlineData("The Harbor Ministry claims the Zentria Liberation Front attacked a convoy near the border", EventAction.Attack, "Zentria Liberation Front")]
    [InlineData("Navy officials confirmed the Zentria Liberation Front attacked a convoy near the border", EventAction.Attack, "Zentria Liberation Front")]
    public void The_actor_is_the_subject_of_the_actions_clause_or_its_possessor_not_a_persons_home_employer_or_credit(string title, EventAction action, string actor)
    {
        Assert.Equal(actor, TitleLead(title, action).ActorText);
    }

    [Theory]
    [InlineData("Eleven banks move to halt the spread of panic after two failures")]
    [InlineData("The central bank stepped in to stop the slide of the currency on Monday")]
    public void Halting_a_trend_is_no_suspension(string title)
    {
        Assert.NotEqual(EventAction.Suspend, TitleAction(title));
    }

    [Theory]
    [InlineData("Lorania forms a naval coalition to counter attacks by the Zentria Liberation Front on shipping")]
    [InlineData("Lorania sends two frigates to deter further strikes on the port")]
    [InlineData("Lorania deploys warships to protect tankers from attacks at sea")]
    public void An_act_the_news_means_to_prevent_is_not_its_event(string title)
    {
        Assert.NotEqual(EventAction.Attack, TitleAction(title));
    }

    [Theory]
    [InlineData("The Harbor Ministry reported attacks by the Zentria Liberation Front on two convoys")]
    [InlineData("Marcus Whitfield was attacked by the Zentria Liberation Front near the border")]
    public void Who_does_an_act_is_its_agent_after_by_the(string title)
    {
        Assert.Equal("Zentria Liberation Front", TitleLead(title, EventAction.Attack).ActorText);
    }

    [Fact]
    public void A_clause_led_by_a_common_noun_takes_no_name_from_the_rest_of_the_sentence()
    {
        var lead = TitleLead("As Marcus Whitfield reports, the case came to light last week, when police in the capital arrested six men", EventAction.Arrest);
        Assert.NotEqual("Marcus Whitfield", lead.ActorText);
    }

    [Theory]
    [InlineData("The United States faced stiff international criticism over its decision on Tuesday", EventAction.Condemn, "United States")]
    [InlineData("Marcus Whitfield received a sentence of life in prison on Monday", EventAction.Sentence, "Marcus Whitfield")]
    public void Who_faces_or_receives_an_act_is_its_target(string title, EventAction action, string target)
    {
        var lead = TitleLead(title, action);
        Assert.Equal(target, lead.TargetText);
        Assert.Equal(string.Empty, lead.ActorText);
    }

    [Fact]
    public void No_one_is_both_the_doer_and_the_one_acted_on()
    {
        // The headline's participle makes Whitfield the one sentenced; the text's "Whitfield is serving a sentence" makes him its subject.
        var lead = TitleLead(
            "Convicted robber Marcus Whitfield on the run in Texas",
            EventAction.Sentence,
            "Marcus Whitfield, 49, is serving a life sentence for armed robbery and was on the way to another prison when he escaped on Thursday.");
        Assert.Equal("Marcus Whitfield", lead.TargetText);
        Assert.Equal(string.Empty, lead.ActorText);
        Assert.Null(lead.ActorEntityId);
    }

    [Fact]
    public void A_team_or_place_before_role_words_only_says_whose_the_target_is()
    {
        var lead = Lead(string.Empty, "Police on Tuesday arrested Northfield Rovers striker Marcus Whitfield outside a nightclub in the city centre.");
        Assert.NotNull(lead);
        Assert.Equal(EventAction.Arrest, lead.Action);
        Assert.Equal("Marcus Whitfield", lead.TargetText);
    }

    [Fact]
    public void A_date_in_a_relative_clause_after_the_action_is_not_the_events()
    {
        var lead = Lead(string.Empty, "The club decided to fire coach Marcus Whitfield, who had been hired on January 15 to save the season.");
        Assert.NotNull(lead);
        Assert.Equal(EventAction.Dismiss, lead.Action);
        Assert.Null(lead.Date);
    }

    [Fact]
    public void A_date_over_a_month_before_publication_is_not_the_lead_events()
    {
        var lead = Lead(string.Empty, "Police arrested Marcus Whitfield on March 3, 2023 during a raid on a house in the north of the city.");
        Assert.NotNull(lead);
        Assert.Equal(EventAction.Arrest, lead.Action);
        Assert.Null(lead.Date);

        var recent = Lead(string.Empty, "Police arrested Marcus Whitfield on January 29 during a raid on a house in the north of the city.");
        Assert.Equal(new DateOnly(2024, 1, 29), recent?.Date);
    }

    [Fact]
    public void A_title_in_title_case_finds_the_text_names_in_it()
    {
        var lead = Lead("Zentria Liberation Front Suspends Attacks On Lorania Forces", "The Zentria Liberation Front said its fighters would stay in their positions for now.");
        Assert.NotNull(lead);
        Assert.Equal(EventAction.Suspend, lead.Action);
        Assert.Equal("Zentria Liberation Front", lead.ActorText);
    }

    [Fact]
    public void Without_a_named_subject_the_common_noun_before_the_verb_is_the_actor()
    {
        var lead = Lead(string.Empty, "Police arrested six people on Monday during a raid on a house in the north of the city.");
        Assert.NotNull(lead);
        Assert.Equal(EventAction.Arrest, lead.Action);
        Assert.Equal("Police", lead.ActorText);
        Assert.Null(lead.ActorEntityId);
    }

    [Theory]
    [InlineData("Governor doubles down on her anti-drug campaign")]
    [InlineData("Old dairy building burns down")]
    public void Down_as_a_particle_is_no_defeat(string title)
    {
        Assert.NotEqual(EventAction.Defeat, Lead(title, "Nobody was hurt, and the owners said they would decide later what to do.")?.Action);
    }

    [Fact]
    public void Down_before_a_team_is_a_defeat()
    {
        var lead = Lead("Northfield Rovers down Southport United in the cup final", "The club said it would hold a parade through the town next week.");
        Assert.Equal(EventAction.Defeat, lead?.Action);
    }

    [Theory]
    [InlineData("Dock workers end their strike at the port after a pay deal")]
    [InlineData("Zentria Liberation Front did not attack the convoy, its spokesman says")]
    [InlineData("Zentria Liberation Front denies attacking the convoy near the border")]
    [InlineData("A strong earthquake struck the north of Lorania early in the morning")]
    [InlineData("Lorania and Zentria struck a deal on water rights after long talks")]
    [InlineData("Old harbour church damaged in suspicious fire")]
    [InlineData("Prisoner pulled a gun on two guards and fired it during a transfer")]
    [InlineData("Testimony in the murder trial of a teenager continued on Wednesday")]
    [InlineData("Facing the prospect of arrest, the singer checked into a clinic")]
    [InlineData("The inmate was serving a life sentence at the prison in the north")]
    [InlineData("Protests seemed to die down in the capital on Sunday")]
    [InlineData("It is the most striking design of the year")]
    [InlineData("Earthquake of magnitude 6.1 strikes the north of Lorania")]
    [InlineData("What do you buy for the person who has everything?")]
    [InlineData("Crowds marched again on Wednesday, the day an autopsy showed the boy had been shot seven times")]
    [InlineData("The blaze at the old harbour church is being investigated as arson")]
    [InlineData("The warehouse fire is under investigation by the police and the fire marshal")]
    [InlineData("A strong earthquake shook the province on Monday, causing dozens of old houses to collapse")]
    public void Negated_and_other_senses_of_action_words_are_no_lead_event(string title)
    {
        Assert.Null(Lead(title, "Skies over the valley were clear and the markets were busy with shoppers all day."));
    }

    [Fact]
    public void A_sentence_recalling_an_earlier_attack_is_background()
    {
        Assert.Null(Lead(
            "Parliament of Lorania meets for its winter session",
            "Members of parliament gathered in the capital for the opening of the winter session on Monday.\n\n"
            + "The Zentria Liberation Front had attacked a border post in the north two years ago, the speaker recalled.\n\n"
            + "After the Zentria Liberation Front attacked the border post, the talks stalled for months."));
    }
}
