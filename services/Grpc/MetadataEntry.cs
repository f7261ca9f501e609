using System.Text;

namespace Newsroom.Grpc;

/// <summary>One header or trailer of a call. Keys ending in "-bin" carry bytes.</summary>
public sealed class MetadataEntry
{
    private readonly string? _value;
    private readonly byte[]? _bytes;

    internal MetadataEntry(string key, string value)
    {
        Key = ValidateKey(key);
        if (IsBinary)
        {
            throw new ArgumentException($"Metadata key '{key}' ends in '-bin' and needs a byte[] value.", nameof(value));
        }

        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                throw new ArgumentException($"Metadata value for '{key}' must be printable ASCII; use a '-bin' key for other data.", nameof(value));
            }
        }

        _value = value;
    }

    internal MetadataEntry(string key, byte[] value)
    {
        Key = ValidateKey(key);
        if (!IsBinary)
        {
            throw new ArgumentException($"Metadata key '{key}' has a byte[] value, so it must end in '-bin'.", nameof(key));
        }

        _bytes = value;
    }

    public string Key { get; }

    public bool IsBinary => Key.EndsWith(GrpcProtocolConstants.BinaryHeaderSuffix, StringComparison.Ordinal);

    public string Value => _value ?? throw new InvalidOperationException($"'{Key}' is a binary entry; read ValueBytes.");

    public byte[] ValueBytes => _bytes ?? Encoding.ASCII.GetBytes(_value!);

    public override string ToString() => IsBinary ? $"{Key}: {Convert.ToBase64String(_bytes!)}" : $"{Key}: {_value}";

    private static string ValidateKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var lower = key.ToLowerInvariant();
        foreach (var c in lower)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))
            {
                throw new ArgumentException($"Metadata key '{key}' may only hold 0-9, a-z, '-', '_' and '.'.", nameof(key));
            }
        }

        return lower;
    }
}
