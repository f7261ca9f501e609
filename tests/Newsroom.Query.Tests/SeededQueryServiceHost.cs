using Newsroom.Contracts.V1;
using static Newsroom.Query.Tests.StoryEvents;

namespace Newsroom.Query.Tests;

/// <summary>A <see cref="QueryServiceHost"/> holding three stories that arrived over the bus.</summary>
public sealed class SeededQueryServiceHost : QueryServiceHost
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var kh = Mention("Kataib Hezbollah", "kh", "Kataib Hezbollah");
        var kataeb = Mention("Kataeb Hezbollah", "kh", "Kataib Hezbollah");
        var opener = Extracted(Article("kh-1", "Kataib Hezbollah suspends operations against US forces", "BAGHDAD - The group suspended its attacks.\nIt said so on Tuesday.", "Reuters", Start),
            Lead("Kataib Hezbollah", "kh", EventAction.Suspend, "suspended", "US forces", "us"), kh);
        var rewrite = Extracted(Article("kh-2", "Iraqi militia halts attacks", "The Kataeb Hezbollah group suspended operations.", "AP", Start.AddHours(2)),
            Lead("Kataeb Hezbollah", "kh", EventAction.Suspend, "suspended", "US forces", "us"), kataeb);
        var attack = Extracted(Article("atk-1", "Drone attack on base", "A drone attacked a base. Talks had been suspended.", "AP", Start.AddDays(1)),
            Lead("Unknown group", null, EventAction.Attack, "attacked", "base"));
        var other = Extracted(Article("oth-1", "Budget passes parliament", "Lawmakers passed the budget.", "BBC", Start.AddDays(2)));

        foreach (var extracted in new[] { opener, rewrite, attack, other })
        {
            await PublishAsync(extracted.Article);
            await PublishAsync(extracted);
        }

        await PublishAsync(Update("story-kh", 1, opener, Start.AddMinutes(5)));
        await PublishAsync(Update("story-kh", 2, rewrite, Start.AddHours(3), matched: "kh-1"));
        await PublishAsync(Update("story-attack", 1, attack, Start.AddDays(1).AddMinutes(5)));
        await PublishAsync(Update("story-other", 1, other, Start.AddDays(2).AddMinutes(5)));
        foreach (var article in new[] { "kh-1", "kh-2", "atk-1", "oth-1" })
        {
            await WaitForStageAsync(article, PipelineStage.Indexed);
        }

        await PublishAsync(Article("pending-1", "Not yet extracted", "text"));
        await WaitForStageAsync("pending-1", PipelineStage.Ingested);
    }
}
