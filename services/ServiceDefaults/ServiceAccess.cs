namespace Newsroom.ServiceDefaults;

/// <summary>The APIs whose callers <see cref="AuthOptions"/> may require to present an API key.</summary>
public enum ServiceAccess
{
    Ingest,
    Query,
}
