namespace Newsroom.Extraction.Tests;

public sealed class CanonicalKeyTests
{
    [Theory]
    [InlineData("Mohammed Shia Sudani", "Mohamed Shia Al-Sudani")]
    [InlineData("Kataib Hezbollah", "Kataeb Hizballah")]
    [InlineData("Hezbollah Brigades", "Kataib Hezbollah")]
    [InlineData("Jaish al-Mahdi", "Mahdi Army")]
    [InlineData("Islamic Resistance in Iraq", "the Islamic Resistance of Iraq")]
    [InlineData("Popular Mobilization Forces", "Popular Mobilisation Forces")]
    [InlineData("Nasser Kanaani", "Naser Kan'ani")]
    [InlineData("José Martí", "Jose Marti")]
    [InlineData("US", "United States")]
    [InlineData("U.S.", "United States of America")]
    [InlineData("Hizballah", "Hezbollah")]
    [InlineData("Muhammad", "Mohammed")]
    [InlineData("Mt Cook", "Mount Cook")]
    [InlineData("Microsoft Corp.", "Microsoft Corporation")]
    [InlineData("Zentria Holdings Inc.", "Zentria Holdings")]
    [InlineData("Veltrana Corp.", "Veltrana")]
    [InlineData("Veltrana Corporation", "Veltrana")]
    [InlineData("Korsholm-Benz AG", "Korsholm-Benz")]
    [InlineData("Banco Estrelle S.A.", "Banco Estrelle")]
    [InlineData("Lantern Co.", "Lantern")]
    [InlineData("NATO", "North Atlantic Treaty Organization")]
    [InlineData("Burma", "Myanmar")]
    [InlineData("Lebanese Hizballah", "Hezbollah")]
    [InlineData("Bombay", "Mumbai")]
    [InlineData("Houthis", "Houthi")]
    [InlineData("Houthi Rebels", "the Houthis")]
    [InlineData("Iran-backed Houthis", "Houthi")]
    [InlineData("Israelis", "Israeli")]
    [InlineData("US-based Eagle Bulk Shipping", "Eagle Bulk Shipping")]
    [InlineData("Kataib Hezbollah militia", "Kataib Hezbollah")]
    [InlineData("FDIC", "Federal Deposit Insurance Corp.")]
    [InlineData("US Central Command", "United States Central Command")]
    [InlineData("U.S. Central Command", "Central Command")]
    [InlineData("UK Maritime Trade Operations", "United Kingdom Maritime Trade Operations")]
    [InlineData("Dave Calhoun", "David Calhoun")]
    public void Spelling_variants_share_a_key(string one, string other)
    {
        Assert.Equal(CanonicalKey.Of(one), CanonicalKey.Of(other));
        Assert.Equal(CanonicalKey.IdOf(CanonicalKey.Of(one)), CanonicalKey.IdOf(CanonicalKey.Of(other)));
    }

    [Theory]
    [InlineData("Sudan", "Sudani")]
    [InlineData("Iran", "Iraq")]
    [InlineData("Hamas", "Hama")]
    [InlineData("Joe Biden", "Hunter Biden")]
    [InlineData("Hezbollah", "Kataib Hezbollah")]
    [InlineData("US", "UN")]
    [InlineData("Kim Sa", "Kim")]
    [InlineData("Corporation for Public Broadcasting", "Public Broadcasting")]
    [InlineData("Islamic Jihad", "Hezbollah")]
    [InlineData("Tigers", "Tamil Tigers")]
    [InlineData("Militants", "Rebels")]
    [InlineData("Houthi", "Hutu")]
    [InlineData("Armed Forces", "Houthi")]
    [InlineData("US Navy", "Navy")]
    [InlineData("US Steel", "Steel")]
    [InlineData("Dave", "David")]
    public void Different_names_keep_different_keys(string one, string other)
    {
        Assert.NotEqual(CanonicalKey.Of(one), CanonicalKey.Of(other));
    }

    [Fact]
    public void Ids_are_twelve_hex_digits_after_ent()
    {
        Assert.Matches("^ent_[0-9a-f]{12}$", CanonicalKey.IdOf(CanonicalKey.Of("Kataib Hezbollah")));
    }
}
