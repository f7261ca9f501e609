using Google.Protobuf.WellKnownTypes;

namespace Newsroom.Query;

/// <summary>The store keeps times as Unix milliseconds; the API speaks protobuf timestamps.</summary>
internal static class UnixTime
{
    public static long ToMillis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static long? ToMillis(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    public static long ToMillis(DateOnly date) => ToMillis(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    public static Timestamp? ToTimestamp(long? millis) =>
        millis is { } value ? Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(value)) : null;
}
