namespace Newsroom.Extraction.Tagging;

/// <summary>What a gazetteer says a name can be; a name can be several ("Washington").</summary>
[Flags]
public enum GazetteerTypes
{
    None = 0,
    Person = 1,
    Organisation = 2,
    Location = 4,

    /// <summary>A nationality or people: "Iraqi", "Croatian" (CoNLL's MISC).</summary>
    Nationality = 8,

    /// <summary>A given name: a strong hint that the next capitalised word is a surname.</summary>
    FirstName = 16,

    /// <summary>A country: a place that also fields national sides, which CoNLL tags as places where it tags clubs as organisations.</summary>
    Country = 32,
}
