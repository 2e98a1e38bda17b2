using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CampaignBot.Channels.Messenger;

/// <summary>Start-up checks of <see cref="MessengerOptions"/> beyond presence (which the channel switch checks); every message names the setting.</summary>
public sealed partial class MessengerOptionsValidation : IValidateOptions<MessengerOptions>
{
    public ValidateOptionsResult Validate(string? name, MessengerOptions options)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(options.GraphApiBaseUrl, UriKind.Absolute, out var baseUrl)
            || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)
            || baseUrl.Query.Length > 0)
        {
            errors.Add($"Messenger:GraphApiBaseUrl must be an absolute http(s) URL without query (was '{options.GraphApiBaseUrl}')");
        }
        if (!VersionPattern().IsMatch(options.GraphApiVersion ?? ""))
        {
            errors.Add($"Messenger:GraphApiVersion must look like v26.0 (was '{options.GraphApiVersion}')");
        }
        if (!string.IsNullOrWhiteSpace(options.PageId) && !options.PageId.Trim().All(char.IsAsciiDigit))
        {
            errors.Add("Messenger:PageId must be the Page's numeric id (or left empty to send as /me)");
        }
        if (options.StandardWindow <= TimeSpan.Zero || options.StandardWindow > TimeSpan.FromDays(7))
        {
            errors.Add("Messenger:StandardWindow must be more than 0 and at most 7.00:00:00");
        }
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            errors.Add("Messenger:RequestTimeout must be more than 0 and at most 00:05:00");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex(@"^v[0-9]+\.[0-9]+$")]
    private static partial Regex VersionPattern();
}
