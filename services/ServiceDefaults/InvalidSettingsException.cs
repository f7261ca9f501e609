namespace Newsroom.ServiceDefaults;

/// <summary>The host's settings cannot work together; the message says what to set.</summary>
public sealed class InvalidSettingsException : InvalidOperationException
{
    public InvalidSettingsException()
    {
    }

    public InvalidSettingsException(string message)
        : base(message)
    {
    }

    public InvalidSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
