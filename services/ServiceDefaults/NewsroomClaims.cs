namespace Newsroom.ServiceDefaults;

/// <summary>Claim types of the principal an authenticated call carries.</summary>
public static class NewsroomClaims
{
    /// <summary>The client name of the API key the call presented; also the principal's Name.</summary>
    public const string Client = "newsroom/client";
}
