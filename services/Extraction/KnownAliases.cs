using System.IO.Compression;
using System.Text;
using Newsroom.Contracts.V1;

namespace Newsroom.Extraction;

/// <summary>
/// Names of one organisation or place that no spelling rule relates ("NATO" and "North Atlantic Treaty Organization",
/// "Burma" and "Myanmar"), each identity a line of its type and names, the name to show first. Built from WordNet by
/// `newsroom train aliases`; the table that ships in Model/aliases.tsv.gz is embedded in this assembly and read once.
/// </summary>
public sealed class KnownAliases
{
    private const string Resource = "Newsroom.Extraction.Model.aliases.tsv.gz";

    private static readonly Lazy<KnownAliases> ShippedTable = new(() =>
    {
        using var stream = typeof(KnownAliases).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The build has no {Resource}; rebuild services/Extraction, whose Model folder holds it.");
        return Read(stream);
    });

    public KnownAliases(IReadOnlyList<(EntityType Type, IReadOnlyList<string> Names)> identities)
    {
        ArgumentNullException.ThrowIfNull(identities);
        Identities = identities;
    }

    /// <summary>The table that ships with this build.</summary>
    public static KnownAliases Shipped => ShippedTable.Value;

    public IReadOnlyList<(EntityType Type, IReadOnlyList<string> Names)> Identities { get; }

    /// <exception cref="InvalidDataException">A line is not a type and two names or more.</exception>
    public static KnownAliases Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var identities = new List<(EntityType, IReadOnlyList<string>)>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var fields = line.Split('\t');
            if (fields.Length < 3 || !Enum.TryParse<EntityType>(fields[0], out var type) || !Enum.IsDefined(type) || fields.Skip(1).Any(string.IsNullOrWhiteSpace))
            {
                throw new InvalidDataException($"Alias table line {number} is not a type and two names or more, separated by tabs; rebuild the table with `newsroom train aliases`.");
            }
            identities.Add((type, fields[1..]));
        }
        return new KnownAliases(identities);
    }

    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false));
        foreach (var (type, names) in Identities)
        {
            writer.Write(type.ToString());
            foreach (var name in names)
            {
                writer.Write('\t');
                writer.Write(name);
            }
            writer.Write('\n');
        }
    }
}
