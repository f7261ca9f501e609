namespace Newsroom.Grpc;

/// <summary>Moves metadata to and from HTTP headers: "-bin" values as base64, reserved names skipped.</summary>
internal static class MetadataHeaders
{
    /// <summary>Adds one received header to <paramref name="metadata"/> unless it belongs to the protocol.</summary>
    public static void AddReceived(Metadata metadata, string name, string value)
    {
        name = name.ToLowerInvariant();
        if (GrpcProtocolConstants.IsReservedHeader(name))
        {
            return;
        }

        if (!name.EndsWith(GrpcProtocolConstants.BinaryHeaderSuffix, StringComparison.Ordinal))
        {
            metadata.Add(name, value.Trim());
            return;
        }

        // Repeated binary headers may arrive joined with ','.
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryDecodeBase64(part, out var bytes))
            {
                metadata.Add(name, bytes);
            }
        }
    }

    public static string Encode(MetadataEntry entry) =>
        entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes).TrimEnd('=') : entry.Value;

    private static bool TryDecodeBase64(string value, out byte[] bytes)
    {
        var padded = (value.Length % 4) switch
        {
            2 => value + "==",
            3 => value + "=",
            _ => value,
        };
        bytes = new byte[padded.Length * 3 / 4];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }
}
