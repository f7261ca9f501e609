using System.Text;
using System.Text.RegularExpressions;

namespace Newsroom.Ingest;

/// <summary>
/// Turns a file's bytes into text: a byte-order mark wins, then strict UTF-8, then for HTML the
/// charset the page declares. Anything else cannot be read without guessing, so it is refused.
/// </summary>
internal static partial class ArticleTextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16LittleEndian = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16BigEndian = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    public static string Decode(byte[] bytes, bool isHtml, string itemName)
    {
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            return Decode(StrictUtf8, bytes.AsSpan(3), itemName);
        }
        if (bytes.AsSpan().StartsWith(Encoding.Unicode.Preamble))
        {
            return Decode(StrictUtf16LittleEndian, bytes.AsSpan(2), itemName);
        }
        if (bytes.AsSpan().StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            return Decode(StrictUtf16BigEndian, bytes.AsSpan(2), itemName);
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var declared = isHtml ? DeclaredCharset(bytes) : null;
            if (declared is not null)
            {
                return Decode(declared, bytes, itemName);
            }
            throw new ArticleRejectedException(
                $"{itemName}: not valid UTF-8 (bad byte at offset {e.Index}) and no charset is declared; save the file as UTF-8" +
                (isHtml ? " or declare its charset with <meta charset=...>" : ""));
        }
    }

    private static string Decode(Encoding encoding, ReadOnlySpan<byte> bytes, string itemName)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ArticleRejectedException($"{itemName}: not valid {encoding.WebName} (bad byte at offset {e.Index}); save the file as UTF-8", e);
        }
    }

    // The HTML5 prescan reads the declaration from the first 1024 bytes, which are ASCII-compatible in every charset it allows.
    private static Encoding? DeclaredCharset(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 1024)));
        var match = CharsetDeclaration().Match(head);
        if (!match.Success)
        {
            return null;
        }
        // Registering the legacy code pages (windows-1252, Shift_JIS ...) again is a no-op.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            // Bytes the charset does not define are an error, not a replacement character stored for good.
            var encoding = Encoding.GetEncoding(match.Groups[1].Value, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return encoding.CodePage == Encoding.UTF8.CodePage ? null : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([\w.:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetDeclaration();
}
