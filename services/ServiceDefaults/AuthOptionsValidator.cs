using Microsoft.Extensions.Options;

namespace Newsroom.ServiceDefaults;

/// <summary>Refuses to start with a key that is short, has no client name, or is listed twice.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            var setting = $"{AuthOptions.SectionName}:ApiKeys:{i}";
            if (key.Key.Length < ApiKeyOptions.MinimumKeyLength)
            {
                failures.Add($"{setting}:Key has {key.Key.Length} characters; give at least {ApiKeyOptions.MinimumKeyLength} random ones (for example `openssl rand -hex 24`).");
            }
            if (string.IsNullOrWhiteSpace(key.Client))
            {
                failures.Add($"{setting}:Client is empty; name the client the key belongs to (ingest records it on each article).");
            }
            if (options.ApiKeys.Take(i).Any(other => other.Key == key.Key))
            {
                failures.Add($"{setting}:Key repeats an earlier key; give each client a key of its own.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
