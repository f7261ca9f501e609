using System.CommandLine;
using System.Globalization;

namespace Newsroom.Cli;

/// <summary>--limit: a whole number of items in a range the server accepts.</summary>
internal static class LimitOptions
{
    public static Option<int?> Create(string description, int maximum) => new("--limit")
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= maximum)
            {
                return value;
            }

            result.AddError($"--limit must be a whole number between 1 and {maximum}, not '{text}'.");
            return null;
        },
    };
}
