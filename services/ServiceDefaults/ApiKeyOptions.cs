namespace Newsroom.ServiceDefaults;

/// <summary>One accepted API key: <c>Auth:ApiKeys:&lt;n&gt;:Key</c> and <c>Auth:ApiKeys:&lt;n&gt;:Client</c>.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Keys shorter than this are guessable; the server refuses to start with one.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>The secret a client sends as <c>x-api-key</c> (or <c>authorization: Bearer</c>).</summary>
    public string Key { get; set; } = "";

    /// <summary>The client's name: the caller's identity, recorded by ingest on each article it accepts.</summary>
    public string Client { get; set; } = "";
}
