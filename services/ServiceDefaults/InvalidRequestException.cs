namespace Newsroom.ServiceDefaults;

/// <summary>
/// A request that cannot be served as it is; <see cref="GrpcExceptionInterceptor"/> answers it with
/// INVALID_ARGUMENT and the message, which says what to change.
/// </summary>
public sealed class InvalidRequestException(string message) : Exception(message);
