using System.IO.Compression;
using System.Text;
using Newsroom.Contracts.V1;

namespace Newsroom.Extraction.Tests;

/// <summary>The alias table's file and how its identities join the short forms that name variants know.</summary>
public sealed class KnownAliasesTests
{
    private const EntityType Org = EntityType.Organization;
    private const EntityType Loc = EntityType.Location;

    [Fact]
    public void Each_name_of_an_identity_finds_its_first_name_and_type()
    {
        var known = NameVariants.WithAliases(new KnownAliases([(Org, ["Veltran Defence League", "VDL", "Korsholm Guard"])]));

        Assert.Equal(("Veltran Defence League", Org), known["vdl"]);
        Assert.Equal(("Veltran Defence League", Org), known["korsholm guard"]);
        Assert.Equal(("Veltran Defence League", Org), known["veltran defence league"]);
    }

    [Fact]
    public void An_identity_that_shares_a_name_with_a_known_short_form_is_that_one()
    {
        var known = NameVariants.WithAliases(new KnownAliases([(Loc, ["Veltrana Republic", "U.S.A."])]));

        Assert.Equal(("United States", Loc), known["veltrana republic"]);
    }

    [Fact]
    public void A_name_two_identities_give_belongs_to_neither()
    {
        var known = NameVariants.WithAliases(new KnownAliases([(Org, ["Orsk Council", "OSC"]), (Org, ["Velmar Council", "OSC"])]));

        Assert.False(known.ContainsKey("osc"));
        Assert.Equal(("Orsk Council", Org), known["orsk council"]);
        Assert.Equal(("Velmar Council", Org), known["velmar council"]);
    }

    [Fact]
    public void A_table_reads_back_what_it_wrote()
    {
        var table = new KnownAliases([(Org, ["Veltran Defence League", "VDL"]), (Loc, ["Brusselta", "Bruxelta", "Brüssela"])]);
        using var stream = new MemoryStream();
        table.Write(stream);
        stream.Position = 0;

        var read = KnownAliases.Read(stream);

        Assert.Equal(
            table.Identities.Select(i => (i.Type, string.Join('|', i.Names))),
            read.Identities.Select(i => (i.Type, string.Join('|', i.Names))));
    }

    [Theory]
    [InlineData("Organization\tVeltran Defence League\n")]
    [InlineData("Planet\tVeltrana\tBrusselta\n")]
    [InlineData("Organization\tVDL\t\n")]
    public void A_damaged_line_is_refused_with_its_number_and_what_to_do(string line)
    {
        using var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("Location\tBrusselta\tBruxelta\n" + line));
        }
        stream.Position = 0;

        var error = Assert.Throws<InvalidDataException>(() => KnownAliases.Read(stream));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("newsroom train aliases", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_table_holds_organisations_and_places()
    {
        var identities = KnownAliases.Shipped.Identities;

        Assert.True(identities.Count > 500, $"{identities.Count} identities");
        Assert.Contains(identities, i => i.Type == Org);
        Assert.Contains(identities, i => i.Type == Loc);
        Assert.All(identities, i => Assert.True(i.Names.Count >= 2, string.Join(", ", i.Names)));
    }
}
