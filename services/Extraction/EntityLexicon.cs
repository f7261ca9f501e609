using System.Globalization;
using System.Reflection;

namespace Newsroom.Extraction;

/// <summary>
/// The recogniser's word knowledge: counts learned from the GMB sample (Lexicons/README.md) plus a few
/// general lists of English name structure. Loaded once per process from embedded resources.
/// </summary>
internal sealed class EntityLexicon
{
    private static readonly Lazy<EntityLexicon> SharedInstance = new(Load);

    /// <summary>Nouns that head organisation names and may take an of / in complement ("Resistance in Iraq").</summary>
    private static readonly string[] GeneralOrganisationHeads =
    [
        "Agency", "Alliance", "Army", "Assembly", "Association", "Authority", "Bank", "Brigade", "Brigades", "Bureau",
        "Coalition", "Command", "Commission", "Committee", "Company", "Congress", "Corporation", "Corps", "Council",
        "Court", "Department", "Forces", "Front", "Group", "Guard", "Guards", "Institute", "League", "Ministry",
        "Movement", "Office", "Organisation", "Organization", "Parliament", "Party", "Resistance", "Service", "Union",
        "University",
    ];

    /// <summary>Abbreviated and hyphenated titles the GMB sample lists too rarely to learn.</summary>
    private static readonly string[] GeneralTitles =
    [
        "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Lt.", "Col.", "Sgt.", "Sen.", "Rep.", "Gov.", "Capt.", "Maj.", "Prof.",
        "Deputy", "Sheikh", "Ayatollah", "Spokesman", "Spokeswoman", "Commander", "Chief", "Ambassador", "Governor",
        "Chairman", "Director", "Leader", "Speaker", "Emir", "Envoy", "Queen", "Colonel", "Lieutenant", "Sergeant",
    ];

    private EntityLexicon(
        Dictionary<string, ClassCounts> words,
        Dictionary<string, ClassCounts> contextBefore,
        Dictionary<string, ClassCounts> suffixes,
        HashSet<string> titles,
        HashSet<string> organisationHeads,
        HashSet<string> connectorHeads)
    {
        Words = words;
        ContextBefore = contextBefore;
        Suffixes = suffixes;
        Titles = titles;
        OrganisationHeads = organisationHeads;
        ConnectorHeads = connectorHeads;
        var totals = new double[ClassCounts.ClassCount];
        foreach (var counts in words.Values)
        {
            for (var i = 0; i < totals.Length; i++)
            {
                totals[i] += counts.Counts[i];
            }
        }

        Prior = new ClassCounts(totals);
    }

    public static EntityLexicon Shared => SharedInstance.Value;

    /// <summary>Capitalised words, lower-cased, with their class counts.</summary>
    public IReadOnlyDictionary<string, ClassCounts> Words { get; }

    /// <summary>The lower-cased word before a capitalised word, with the class counts of the capitalised word.</summary>
    public IReadOnlyDictionary<string, ClassCounts> ContextBefore { get; }

    /// <summary>Three-letter endings of entity words, for words the word list lacks.</summary>
    public IReadOnlyDictionary<string, ClassCounts> Suffixes { get; }

    public ClassCounts Prior { get; }

    public IReadOnlySet<string> Titles { get; }

    public IReadOnlySet<string> OrganisationHeads { get; }

    /// <summary>Words that can be followed by of / for / in inside one name.</summary>
    public IReadOnlySet<string> ConnectorHeads { get; }

    private static EntityLexicon Load()
    {
        var titles = new HashSet<string>(ReadList("person-titles.txt"), StringComparer.Ordinal);
        titles.UnionWith(GeneralTitles);
        titles.Remove("Bill"); // A first name far more often than the "bill" of parliaments.
        var organisationHeads = new HashSet<string>(GeneralOrganisationHeads, StringComparer.Ordinal);
        var connectorHeads = new HashSet<string>(ReadList("connector-heads.txt"), StringComparer.Ordinal);
        connectorHeads.UnionWith(organisationHeads);
        return new EntityLexicon(
            ReadCounts("token-types.tsv"),
            ReadCounts("context-before.tsv"),
            ReadCounts("suffix-types.tsv"),
            titles,
            organisationHeads,
            connectorHeads);
    }

    private static List<string> ReadLines(string name)
    {
        var resource = "Newsroom.Extraction.Lexicons." + name;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded word list {resource} is missing; rebuild Newsroom.Extraction with Lexicons/{name} present.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static IEnumerable<string> ReadList(string name) => ReadLines(name).Select(line => line.Trim());

    private static Dictionary<string, ClassCounts> ReadCounts(string name)
    {
        var table = new Dictionary<string, ClassCounts>(StringComparer.Ordinal);
        foreach (var line in ReadLines(name))
        {
            var fields = line.Split('\t');
            var counts = new double[ClassCounts.ClassCount];
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = double.Parse(fields[i + 1], CultureInfo.InvariantCulture);
            }

            table[fields[0]] = new ClassCounts(counts);
        }

        return table;
    }
}
