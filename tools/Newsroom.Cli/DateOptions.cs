using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Newsroom.Cli;

/// <summary>--after and --before: a day (YYYY-MM-DD, midnight UTC) or an ISO 8601 time.</summary>
internal static class DateOptions
{
    public static Option<DateTimeOffset?> Create(string name, string description) => new(name)
    {
        Description = $"{description} (YYYY-MM-DD or ISO 8601 time, UTC unless given)",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            {
                return value;
            }

            result.AddError($"{name} '{text}' is not a date; write it as YYYY-MM-DD or 2024-01-31T13:58:00Z.");
            return null;
        },
    };

    public static Timestamp? ToTimestamp(DateTimeOffset? value) =>
        value is { } time ? Timestamp.FromDateTimeOffset(time) : null;
}
