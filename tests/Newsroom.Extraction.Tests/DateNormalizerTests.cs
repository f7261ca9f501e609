namespace Newsroom.Extraction.Tests;

public sealed class DateNormalizerTests
{
    private static readonly DateOnly Wednesday = new(2024, 1, 31);

    private static List<(string Text, DateOnly Date)> Normalize(string text, DateOnly? published)
    {
        var dates = new DateNormalizer().Normalize(text, published);
        foreach (var d in dates)
        {
            Assert.Equal(d.Text, text[d.Start..d.End]);
        }

        return dates.Select(d => (d.Text, d.Date)).ToList();
    }

    [Theory]
    [InlineData("It happened on Jan. 25, 2024 in the city.", "Jan. 25, 2024", 2024, 1, 25)]
    [InlineData("Previously, on December 30, 2023, it stopped.", "December 30, 2023", 2023, 12, 30)]
    [InlineData("Reported on 25 May 2021 by agencies.", "25 May 2021", 2021, 5, 25)]
    [InlineData("Sat. Mar 2nd, 2024", "Mar 2nd, 2024", 2024, 3, 2)]
    public void Absolute_dates_with_a_year_need_no_publication_date(string text, string found, int year, int month, int day)
    {
        Assert.Contains((found, new DateOnly(year, month, day)), Normalize(text, null));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9999)]
    public void A_placeholder_publication_date_resolves_no_relative_date_and_throws_nothing(int year)
    {
        var published = year == 1 ? DateOnly.MinValue : DateOnly.MaxValue;

        var dates = Normalize("Yesterday, last Tuesday and on March 3 the group said it would act next week.", published);

        Assert.Empty(dates);
    }

    [Fact]
    public void Dates_without_a_year_take_the_latest_year_not_after_publication()
    {
        var dates = Normalize("The war began on October 7, and a strike on January 28 killed three.", Wednesday);
        Assert.Contains(("October 7", new DateOnly(2023, 10, 7)), dates);
        Assert.Contains(("January 28", new DateOnly(2024, 1, 28)), dates);
    }

    [Fact]
    public void Dates_shortly_after_publication_stay_in_the_publication_year()
    {
        Assert.Contains(("February 5th", new DateOnly(2024, 2, 5)), Normalize("Talks resume on February 5th.", Wednesday));
    }

    [Fact]
    public void Relative_days_and_weekdays_count_back_from_publication()
    {
        var dates = Normalize("He said yesterday that the attack on Sunday and the talks on Wednesday mattered.", Wednesday);
        Assert.Contains(("yesterday", new DateOnly(2024, 1, 30)), dates);
        Assert.Contains(("Sunday", new DateOnly(2024, 1, 28)), dates);
        Assert.Contains(("Wednesday", Wednesday), dates);
    }

    [Fact]
    public void Relative_dates_need_a_publication_date_and_modal_may_is_no_month()
    {
        Assert.Empty(Normalize("He said yesterday that they may 5 times reconsider on Sunday.", null));
    }

    [Theory]
    [InlineData("The talks collapsed last week, officials said.", "last week", 2024, 1, 24)]
    [InlineData("Gunmen opened fire last night near the market.", "last night", 2024, 1, 30)]
    [InlineData("The body was found three days ago in the river.", "three days ago", 2024, 1, 28)]
    [InlineData("He resigned 2 weeks ago after the vote.", "2 weeks ago", 2024, 1, 17)]
    [InlineData("The ministry said it happened the day before yesterday.", "the day before yesterday", 2024, 1, 29)]
    [InlineData("They met last Wednesday to agree the terms.", "last Wednesday", 2024, 1, 24)]
    [InlineData("They met last Tuesday to agree the terms.", "last Tuesday", 2024, 1, 30)]
    [InlineData("The court rules next Monday on the appeal.", "next Monday", 2024, 2, 5)]
    [InlineData("The vote is due next week in the capital.", "next week", 2024, 2, 7)]
    public void Relative_phrases_resolve_against_the_publication_date(string text, string found, int year, int month, int day)
    {
        Assert.Contains((found, new DateOnly(year, month, day)), Normalize(text, Wednesday));
    }

    [Fact]
    public void Relative_phrases_need_a_publication_date()
    {
        Assert.Empty(Normalize("The talks collapsed last week and resumed last Tuesday, three days ago.", null));
    }

    [Fact]
    public void Without_a_publication_date_a_date_without_its_year_takes_the_year_the_text_names_most()
    {
        var dates = Normalize(
            "The group said on May 8th that it would stop. Its January 28, 2024 attack killed three; talks began in 2024 and failed in 2023.", null);

        Assert.Contains(("May 8th", new DateOnly(2024, 5, 8)), dates);
        Assert.Contains(("January 28, 2024", new DateOnly(2024, 1, 28)), dates);
    }

    [Fact]
    public void Without_a_publication_date_or_a_year_in_the_text_a_date_without_its_year_stays_unresolved()
    {
        Assert.Empty(Normalize("The group said on May 8th that it would stop, and on Feb. 29 it did.", null));
    }

    [Fact]
    public void A_day_that_the_inferred_year_lacks_is_no_date()
    {
        Assert.DoesNotContain(Normalize("Leap day, February 29, came and went; the 2023 budget was late.", null), d => d.Text == "February 29");
    }

    [Fact]
    public void An_undated_opening_still_names_the_day_of_the_week_of_its_event()
    {
        var weekday = new DateNormalizer().LeadWeekday(
            "Window blows out mid-flight", "A flight made an emergency landing after a window fell off on Friday night, a passenger said.", null);

        Assert.Equal(DayOfWeek.Friday, weekday);
    }

    [Fact]
    public void With_a_publication_date_the_first_date_of_the_opening_gives_the_day()
    {
        var weekday = new DateNormalizer().LeadWeekday("Bolts found loose", "United said yesterday that it found loose bolts; the blowout was on Friday.", Wednesday);

        Assert.Equal(DayOfWeek.Tuesday, weekday);
    }

    [Fact]
    public void The_title_names_the_day_before_the_text()
    {
        Assert.Equal(DayOfWeek.Monday, new DateNormalizer().LeadWeekday("Regulator acts on Monday", "The agency said on Thursday it would act.", null));
    }

    [Theory]
    [InlineData("The agency said it would act, without naming a day.")]
    [InlineData("The agency said on friday, in lower case, that it would act.")]
    [InlineData("The group said on May 8th that it would stop.")]
    public void An_opening_without_a_day_names_none(string text)
    {
        Assert.Null(new DateNormalizer().LeadWeekday("Agency to act", text, null));
    }

    [Fact]
    public void A_day_named_after_the_opening_is_background()
    {
        var text = new string('x', DateNormalizer.LeadWeekdayReach) + " The earlier attack was on Sunday.";

        Assert.Null(new DateNormalizer().LeadWeekday("Agency to act", text, null));
    }
}
