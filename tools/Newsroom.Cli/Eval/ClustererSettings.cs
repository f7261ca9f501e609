using Microsoft.Extensions.Configuration;
using Newsroom.Dedup;

namespace Newsroom.Cli.Eval;

/// <summary>
/// The dedup service's options, read from the "Dedup" section of a settings file as the service reads its
/// appsettings.json, so a configuration can be measured on labelled data before it is deployed.
/// </summary>
internal static class ClustererSettings
{
    public static StoryClustererOptions Read(string? path)
    {
        var options = new StoryClustererOptions();
        if (path is null)
        {
            return options;
        }

        if (!File.Exists(path))
        {
            throw new CommandFailedException($"the settings file '{path}' does not exist", "pass --settings with a JSON file that has a \"Dedup\" section, like the dedup service's appsettings.json");
        }

        try
        {
            new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path), optional: false).Build()
                .GetSection(StoryClustererOptions.SectionName).Bind(options);
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or InvalidOperationException)
        {
            throw new CommandFailedException($"cannot read the settings file '{path}': {exception.Message}", "fix the file: a JSON object with a \"Dedup\" section of StoryClustererOptions values");
        }

        try
        {
            options.Validate();
        }
        catch (InvalidOperationException exception)
        {
            throw new CommandFailedException(exception.Message, "fix the \"Dedup\" section of the --settings file");
        }

        return options;
    }
}
