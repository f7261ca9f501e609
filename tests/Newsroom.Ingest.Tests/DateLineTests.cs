using Xunit;

namespace Newsroom.Ingest.Tests;

/// <summary>The date lines that pages put above or below a headline, as <see cref="PublicationDates.TryParseDateLine"/> reads them.</summary>
public sealed class DateLineTests
{
    [Theory]
    [InlineData("January 31, 2024 at 1:58 pm", 2024, 1, 31, 13, 58)]
    [InlineData("Sat. Mar 2nd, 2024", 2024, 3, 2, 0, 0)]
    [InlineData("PUBLISHED: THURSDAY, MAY 2, 2013, 1:32 PM", 2013, 5, 2, 13, 32)]
    [InlineData("12:52 p.m. EDT May 2, 2013", 2013, 5, 2, 12, 52)]
    [InlineData("7:15 a. m. Dec. 7, 2009", 2009, 12, 7, 7, 15)]
    [InlineData("8:44AM BST 16 Sep 2013", 2013, 9, 16, 8, 44)]
    [InlineData("14:25 Sun Sep 15 2013", 2013, 9, 15, 14, 25)]
    [InlineData("Posted on Thu Jun 13, 2013 08:45 AM PDT", 2013, 6, 13, 8, 45)]
    [InlineData("Story Created: Aug 7, 2012 at 9:56 AM AKDT", 2012, 8, 7, 9, 56)]
    [InlineData("26 September 2013, 10:00 (GMT+05:00)", 2013, 9, 26, 10, 0)]
    [InlineData("Tuesday 28 April 2009 22.34 BST", 2009, 4, 28, 22, 34)]
    [InlineData("12 January 2010 @ 09:29 pm", 2010, 1, 12, 21, 29)]
    [InlineData("on Jul 7 2012, 5:55p", 2012, 7, 7, 17, 55)]
    [InlineData("Published 12:17 am, Monday, September 16, 2013", 2013, 9, 16, 0, 17)]
    [InlineData("on September 14, 2013 11:41am | Updated on September 15, 2013 9:02am", 2013, 9, 14, 11, 41)]
    [InlineData("WASHINGTON, DC, April 28, 2009", 2009, 4, 28, 0, 0)]
    [InlineData("May 2, 2013, 1: 12 PM", 2013, 5, 2, 13, 12)]
    [InlineData("March 27, 2024 by CBS Baltimore", 2024, 3, 27, 0, 0)]
    [InlineData("By Jane Doe and John Roe | May 2, 2013 4:05 pm", 2013, 5, 2, 16, 5)]
    public void Written_dates_with_times_zones_and_labels(string line, int year, int month, int day, int hour, int minute)
    {
        Assert.True(PublicationDates.TryParseDateLine(line, out var date), line);
        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero), date);
    }

    [Theory]
    [InlineData("2013-09-26", 2013, 9, 26)]
    [InlineData("Published: 2012.08.08 09:01 AM", 2012, 8, 8)]
    [InlineData("Article posted on 08.07.2012", 2012, 7, 8)]
    [InlineData("05/02/2013", 2013, 5, 2)]
    [InlineData("Last updated 13:26 14/09/2013", 2013, 9, 14)]
    [InlineData("Posted at 3:21 PM ET, 01/5/2011", 2011, 1, 5)]
    [InlineData("UPDATED 05 / 03 / 2013 at 11: 00 AM EDT", 2013, 5, 3)]
    public void Numeric_dates_read_year_first_dots_European_and_slashes_American_unless_the_first_number_is_no_month(string line, int year, int month, int day)
    {
        Assert.True(PublicationDates.TryParseDateLine(line, out var date), line);
        Assert.Equal(new DateOnly(year, month, day), DateOnly.FromDateTime(date.UtcDateTime));
    }

    [Theory]
    [InlineData("Reid checked herself in on Tuesday, December 9, 2008.")]
    [InlineData("The quay opens on May 2, 2013 at the earliest, officials said.")]
    [InlineData("February 30, 2024")]
    [InlineData("13/13/2013")]
    [InlineData("May 2, 2013 at 25:10")]
    [InlineData("10:00 at the harbour, May 2, 2013")]
    [InlineData("May 2, 2013 by the harbour")]
    [InlineData("Reported by Jane Doe on May 2, 2013 after the storm")]
    [InlineData("Chapter 3.2 of the 2013 report")]
    public void Sentences_impossible_dates_and_other_words_are_no_date_line(string line)
    {
        Assert.False(PublicationDates.TryParseDateLine(line, out _), line);
    }

    [Theory]
    [InlineData("Updated 4: 08 p. m. ET")]
    [InlineData("APR 28")]
    [InlineData("Posted 10:05 AM")]
    [InlineData("Last updated at 13:59 GMT")]
    [InlineData("Thursday, 2nd May")]
    public void A_time_or_a_day_without_a_year_alone_on_a_line_is_a_time_stamp(string line)
    {
        Assert.True(PublicationDates.IsTimeStampLine(line), line);
        Assert.False(PublicationDates.TryParseDateLine(line, out _), line);
    }

    [Theory]
    [InlineData("Lawyer: Lindsay Lohan checks into rehab facility")]
    [InlineData("May Day rally draws thousands")]
    [InlineData("Sept. 11 attacks remembered")]
    [InlineData("Monday")]
    [InlineData("Kickoff at 3:00 pm in the rain")]
    public void Headlines_that_name_a_day_or_a_time_are_no_time_stamp(string line)
    {
        Assert.False(PublicationDates.IsTimeStampLine(line), line);
    }
}
