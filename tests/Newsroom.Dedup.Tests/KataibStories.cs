using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;

namespace Newsroom.Dedup.Tests;

/// <summary>Synthetic reports in the shape of the project's motivating case, written for these tests.</summary>
internal static class KataibStories
{
    public static readonly (string, string)[] Entities =
        [("Kataib Hezbollah", "ent_kh"), ("US forces", "ent_us_forces"), ("Iraq", "ent_iraq"), ("Abu Hussein al-Hamidawi", "ent_hamidawi")];

    private const string WireText =
        "BAGHDAD - Kataib Hezbollah said on Tuesday it was suspending military and security operations against US forces in Iraq " +
        "to avoid embarrassing the Iraqi government, days after a drone strike killed three American soldiers at a base in Jordan. " +
        "The group's secretary general Abu Hussein al-Hamidawi said in a statement that fighters should adopt passive defence " +
        "in case of any hostile American action. Washington has blamed Iran-backed militias for the attack and vowed to respond. " +
        "The militia is part of the Popular Mobilisation Forces and has claimed dozens of rocket and drone attacks since October.";

    public static ArticleExtracted WireOriginal() => SyntheticArticles.Create(
        "art_wire_1",
        "Kataib Hezbollah suspends attacks on US forces in Iraq",
        WireText,
        SyntheticArticles.Lead("ent_kh", EventAction.Suspend, "ent_us_forces", new DateOnly(2024, 1, 30)),
        SyntheticArticles.Ingested,
        Entities);

    /// <summary>The same wire text as another outlet runs it: its own headline and a closing line of its own.</summary>
    public static ArticleExtracted WireCopy() => SyntheticArticles.Create(
        "art_wire_2",
        "Iraqi militia halts operations against American troops",
        WireText + " Follow our live coverage for updates.",
        SyntheticArticles.Lead("ent_kh", EventAction.Suspend, "ent_us_forces", new DateOnly(2024, 1, 30)),
        SyntheticArticles.Ingested.AddHours(1),
        Entities);

    /// <summary>Another outlet's own account of the same suspension.</summary>
    public static ArticleExtracted Rewrite() => SyntheticArticles.Create(
        "art_rewrite",
        "Iraq's Kataib Hezbollah announces suspension of operations against US forces",
        "Kataib Hezbollah, an Iran-aligned armed faction in Iraq, announced the suspension of its operations against US forces, " +
        "saying the move was meant to spare the government in Baghdad embarrassment. Abu Hussein al-Hamidawi urged fighters to " +
        "defend themselves passively. The announcement followed a deadly drone attack on a US outpost near the Syrian border.",
        SyntheticArticles.Lead("ent_kh", EventAction.Suspend, "ent_us_forces", new DateOnly(2024, 1, 30)),
        SyntheticArticles.Ingested.AddHours(3),
        Entities);

    /// <summary>The same group announcing the opposite, months later.</summary>
    public static ArticleExtracted ResumptionInApril() => Resumption(
        "art_resume_april",
        "Kataib Hezbollah said it would resume attacks on US forces in Iraq after Prime Minister Mohammed Shia Sudani returned from " +
        "Washington without a timetable for the withdrawal of foreign troops. Abu Hussein al-Hamidawi said the pause had achieved nothing.",
        new DateOnly(2024, 4, 22),
        SyntheticArticles.Ingested.AddDays(82));

    /// <summary>The same group announcing the opposite in the same week: only the action tells the events apart.</summary>
    public static ArticleExtracted ResumptionSameWeek() => Resumption(
        "art_resume_week",
        "Kataib Hezbollah announced the resumption of its operations against US forces in Iraq, saying the government in Baghdad " +
        "had failed to secure a withdrawal timetable. Abu Hussein al-Hamidawi said fighters would return to military attacks.",
        new DateOnly(2024, 2, 1),
        SyntheticArticles.Ingested.AddDays(1));

    public static ArticleExtracted Unrelated() => SyntheticArticles.Create(
        "art_floods",
        "Floods cut roads across northern Italy",
        "Heavy rain flooded villages across Emilia-Romagna on Wednesday, cutting roads and forcing thousands from their homes, " +
        "officials said, as rivers burst their banks after a month of rainfall fell in two days.",
        null,
        SyntheticArticles.Ingested.AddHours(5),
        ("Emilia-Romagna", "ent_emilia"));

    private static ArticleExtracted Resumption(string id, string text, DateOnly date, DateTimeOffset published) => SyntheticArticles.Create(
        id,
        "Kataib Hezbollah announces resumption of attacks on US forces in Iraq",
        text,
        SyntheticArticles.Lead("ent_kh", EventAction.Resume, "ent_us_forces", date),
        published,
        Entities);
}
