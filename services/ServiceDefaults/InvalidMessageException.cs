namespace Newsroom.ServiceDefaults;

/// <summary>A message that can never be processed as it is; it goes to the <c>_error</c> queue without retries.</summary>
public sealed class InvalidMessageException(string message) : Exception(message);
