namespace Newsroom.Extraction.Tests;

public sealed class DisplayNameTests
{
    [Theory]
    [InlineData("Kataib Hezbollah", "Kataeb Hezbollah")]
    [InlineData("Kataib Hezbollah", "KATAIB HEZBOLLAH")]
    [InlineData("Mohammed Shia Sudani", "Mohamed Shia Al-Sudani")]
    [InlineData("Abu Hussein al-Hamidawi", "Abou Husain Al-Hamidawi")]
    [InlineData("Islamic Resistance in Iraq", "the Islamic Resistance of Iraq")]
    [InlineData("US", "U.S.")]
    [InlineData("United States of America", "USA")]
    [InlineData("Britain", "U.K.")]
    [InlineData("José Martí", "Jose Marti")]
    [InlineData("Hizballah", "Hezbollah")]
    [InlineData("Osama Bin Laden", "Usama bin Laden")]
    [InlineData("Veltrana Corp.", "Veltrana")]
    [InlineData("Korsholm-Benz AG", "Korsholm-Benz")]
    public void Spellings_of_one_name_show_one_name(string one, string other)
    {
        Assert.Equal(CanonicalKey.Of(one), CanonicalKey.Of(other));
        Assert.Equal(DisplayName.Of(one), DisplayName.Of(other));
    }

    [Theory]
    [InlineData("U.S.", "United States")]
    [InlineData("KATAEB HEZBOLLAH", "Kataib Hezbollah")]
    [InlineData("the Islamic Resistance in Iraq", "Islamic Resistance of Iraq")]
    [InlineData("Mohamed Shia Al-Sudani", "Mohammed Shia Sudani")]
    [InlineData("al-Aqsa Flood", "Al-Aqsa Flood")]
    [InlineData("Al Gore", "Al Gore")]
    [InlineData("El Salvador", "El Salvador")]
    [InlineData("IRGC", "IRGC")]
    [InlineData("George W. Bush", "George W. Bush")]
    [InlineData("UN SECURITY COUNCIL", "UN Security Council")]
    [InlineData("Bank of England", "Bank of England")]
    [InlineData("Veltrana Corp.", "Veltrana")]
    [InlineData("Glaxo Zentria plc", "Glaxo Zentria")]
    [InlineData("Corporation", "Corporation")]
    [InlineData("NATO", "North Atlantic Treaty Organization")]
    [InlineData("Bruxelles", "Brussels")]
    [InlineData("Lebanese Hizballah", "Hezbollah")]
    public void A_spelling_shows_as_its_normal_form(string spelling, string shown)
    {
        Assert.Equal(shown, DisplayName.Of(spelling));
    }

    [Theory]
    [InlineData("Hezbollah", "Kataib Hezbollah")]
    [InlineData("Sudan", "Sudani")]
    [InlineData("Joe Biden", "Hunter Biden")]
    public void Different_names_show_different_names(string one, string other)
    {
        Assert.NotEqual(DisplayName.Of(one), DisplayName.Of(other));
    }
}
