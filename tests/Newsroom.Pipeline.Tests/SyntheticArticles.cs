using Newsroom.Contracts.V1;
using Newsroom.Pipeline.Tests.Infrastructure;

namespace Newsroom.Pipeline.Tests;

/// <summary>Distinct made-up articles in bulk: each a different event in a different place.</summary>
public static class SyntheticArticles
{
    private static readonly string[] Towns = ["Arlen", "Brisk", "Corvale", "Dunmore", "Elston", "Fairhold", "Glenrock", "Harwick", "Ivydale", "Jessup"];
    private static readonly string[] Works = ["bridge", "library", "water plant", "rail depot", "hospital wing", "ferry terminal", "school", "power line", "market hall", "harbour wall"];

    public static IReadOnlyList<SubmitArticleRequest> Create(int count, string prefix) =>
        Enumerable.Range(1, count).Select(i =>
        {
            var town = Towns[i % Towns.Length];
            var work = Works[i / Towns.Length % Works.Length];
            var text = $"{town} council opens new {work} number {i}\n\n" +
                       $"The {town} Municipal Council opened the new {work} on Monday after {i + 2} years of building work, " +
                       $"council leader Marta Quillon{i} said in a statement. The {work} cost {i * 3} million and employs {i + 40} people.\n\n" +
                       $"Residents of {town} had waited since {1990 + i % 30} for the project, which the council approved in a vote of {i % 9 + 3} to 2.";
            return PipelineClient.Article($"{prefix}-{i:D3}", text, source: $"Gazette {i % 4}", url: $"https://gazette.example/{prefix}/{i}");
        }).ToList();
}
