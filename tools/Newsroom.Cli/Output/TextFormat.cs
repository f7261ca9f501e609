using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Newsroom.Contracts.V1;

namespace Newsroom.Cli.Output;

/// <summary>How the tables show timestamps, events and entities.</summary>
internal static class TextFormat
{
    public static string Time(Timestamp? time) =>
        time is null ? "-" : time.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Score(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A measure between 0 and 1 (precision, F1, ARI) to three places, as the eval tables show them.</summary>
    public static string Measure(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>"Kataib Hezbollah suspend (suspended) US forces on 2024-01-30".</summary>
    public static string Event(LeadEvent? lead)
    {
        if (lead is null || (lead.Actor is null && lead.Action == EventAction.Unspecified))
        {
            return "-";
        }

        var parts = new List<string> { Participant(lead.Actor), EventActions.NameOf(lead.Action) };
        if (lead.ActionText.Length > 0)
        {
            parts.Add($"({lead.ActionText})");
        }

        if (lead.Target is not null)
        {
            parts.Add(Participant(lead.Target));
        }

        if (lead.Date.Length > 0)
        {
            parts.Add($"on {lead.Date}");
        }

        return string.Join(' ', parts);
    }

    /// <summary>The canonical name when resolved, with the article's own words when they differ.</summary>
    public static string Participant(EventParticipant? participant)
    {
        if (participant is null)
        {
            return "?";
        }

        var name = participant.Entity?.Name ?? "";
        return name.Length == 0 ? participant.Text
            : participant.Text.Length == 0 || string.Equals(participant.Text, name, StringComparison.Ordinal) ? name
            : $"{name} (\"{participant.Text}\")";
    }

    public static string EntityType(Contracts.V1.EntityType type) => type switch
    {
        Contracts.V1.EntityType.Person => "PERSON",
        Contracts.V1.EntityType.Organization => "ORGANIZATION",
        Contracts.V1.EntityType.Location => "LOCATION",
        _ => "OTHER",
    };

    public static string JoinKind(JoinReason.Types.Kind kind) => kind switch
    {
        JoinReason.Types.Kind.FirstArticle => "first article",
        JoinReason.Types.Kind.NearDuplicate => "near duplicate",
        JoinReason.Types.Kind.SameEvent => "same event",
        _ => "unknown",
    };
}
