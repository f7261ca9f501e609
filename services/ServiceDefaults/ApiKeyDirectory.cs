using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// The configured API keys, kept as SHA-256 hashes. A presented key is hashed and compared with
/// every known hash in constant time, so neither the comparison nor the number of keys compared
/// tells an attacker how close a guess came.
/// </summary>
internal sealed class ApiKeyDirectory(IOptions<AuthOptions> options)
{
    private readonly (byte[] Hash, string Client)[] _keys =
        options.Value.ApiKeys.Select(k => (Hash(k.Key), k.Client)).ToArray();

    public bool IsEmpty => _keys.Length == 0;

    /// <summary>The client the key belongs to, or null for a key this server does not know.</summary>
    public string? FindClient(string presentedKey)
    {
        var presented = Hash(presentedKey);
        string? client = null;
        foreach (var (hash, name) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, hash))
            {
                client = name;
            }
        }
        return client;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
