using System.Security.Cryptography;
using System.Text;

namespace Newsroom.Ingest;

/// <summary>
/// Hashes an article's text so that the same content is recognised whatever its whitespace,
/// letter case or punctuation (curly or straight quotes, dashes).
/// </summary>
public static class ContentHasher
{
    /// <summary>Lower-case letters and digits of the text, in words separated by single spaces.</summary>
    public static string Normalise(string text)
    {
        var normalised = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalised.Length);
        var pendingSpace = false;
        foreach (var c in normalised)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is not ('\'' or '\u2019' or '\u00ad'))
            {
                // An apostrophe joins a word ("don't"); any other mark separates words.
                pendingSpace = true;
            }
        }
        return builder.ToString();
    }

    /// <summary>Hex SHA-256 of <see cref="Normalise"/>.</summary>
    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(text))));
}
