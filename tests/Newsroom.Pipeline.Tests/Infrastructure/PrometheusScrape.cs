using System.Globalization;
using System.Text.RegularExpressions;

namespace Newsroom.Pipeline.Tests.Infrastructure;

/// <summary>A service's <c>/metrics</c> page in the Prometheus text format, read into samples: a name, its labels and a value.</summary>
public sealed partial class PrometheusScrape
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    private PrometheusScrape(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (Sample().Match(line) is { Success: true } sample)
            {
                var labels = Label().Matches(sample.Groups["labels"].Value).ToDictionary(l => l.Groups["key"].Value, l => l.Groups["value"].Value, StringComparer.Ordinal);
                _samples.Add((sample.Groups["name"].Value, labels, double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture)));
            }
        }
    }

    public string Text => string.Join('\n', _samples.Select(s => $"{s.Name}{{{string.Join(',', s.Labels.Select(l => $"{l.Key}={l.Value}"))}}} {s.Value}"));

    public static async Task<PrometheusScrape> ReadAsync(HttpClient http, Uri metrics) => new(await http.GetStringAsync(metrics));

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include every one of <paramref name="labels"/> ("key=value").</summary>
    public double Sum(string name, params string[] labels) =>
        _samples
            .Where(s => s.Name == name && labels.All(label => label.Split('=') is [var key, var value] && s.Labels.GetValueOrDefault(key) == value))
            .Sum(s => s.Value);

    public bool Has(string name) => _samples.Any(s => s.Name == name);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>[^ ]+)")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>[^""]*)""")]
    private static partial Regex Label();
}
