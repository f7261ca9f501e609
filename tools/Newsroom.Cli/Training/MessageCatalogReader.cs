using System.Buffers.Binary;
using System.Text;

namespace Newsroom.Cli.Training;

/// <summary>
/// Reads the translations of a GNU gettext .mo file. libgeonames-common ships GeoNames place names
/// this way: the message id is the GeoNames id and the translation is the name in that language.
/// </summary>
internal static class MessageCatalogReader
{
    private const uint LittleEndianMagic = 0x950412de;

    public static List<string> Translations(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 28)
        {
            throw new CommandFailedException($"'{path}' is too short to be a .mo file", "pass the geonames.mo of libgeonames-common (/usr/share/locale/en/LC_MESSAGES/geonames.mo)");
        }

        var littleEndian = BinaryPrimitives.ReadUInt32LittleEndian(bytes) == LittleEndianMagic;
        if (!littleEndian && BinaryPrimitives.ReadUInt32BigEndian(bytes) != LittleEndianMagic)
        {
            throw new CommandFailedException($"'{path}' is not a gettext .mo file", "pass the geonames.mo of libgeonames-common (/usr/share/locale/en/LC_MESSAGES/geonames.mo)");
        }

        uint Read(int offset) => littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset)) : BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset));
        var count = (int)Read(8);
        var table = (int)Read(16);
        var translations = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var length = (int)Read(table + (i * 8));
            var offset = (int)Read(table + (i * 8) + 4);
            if (length > 0 && offset >= 0 && offset + length <= bytes.Length)
            {
                translations.Add(Encoding.UTF8.GetString(bytes, offset, length));
            }
        }

        return translations;
    }
}
