namespace Newsroom.Extraction;

/// <summary>The classes the word lists count: GMB's per / org / geo / gpe, other entities, and not an entity.</summary>
internal enum EntityClass
{
    Person,
    Organisation,
    Place,
    Nationality,
    Other,
    None,
}
