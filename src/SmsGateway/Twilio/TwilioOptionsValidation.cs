using Microsoft.Extensions.Options;

namespace SmsGateway.Twilio;

/// <summary>Start-up checks of <see cref="TwilioOptions"/>; every message names the setting to fix.</summary>
public sealed class TwilioOptionsValidation : IValidateOptions<TwilioOptions>
{
    private const string When = "when Sms:Provider is twilio";

    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AccountSid))
        {
            errors.Add($"Twilio:AccountSid is required {When}");
        }
        else if (!options.AccountSid.StartsWith("AC", StringComparison.Ordinal))
        {
            errors.Add("Twilio:AccountSid must be the account's SID, starting with AC");
        }
        if (string.IsNullOrWhiteSpace(options.AuthToken))
        {
            errors.Add($"Twilio:AuthToken is required {When}");
        }
        if (string.IsNullOrWhiteSpace(options.From) && string.IsNullOrWhiteSpace(options.MessagingServiceSid))
        {
            errors.Add($"Twilio:From or Twilio:MessagingServiceSid is required {When}");
        }
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            errors.Add($"Twilio:PublicBaseUrl is required {When} (the address Twilio calls us at, e.g. https://sms.example.vn)");
        }
        else if (!IsHttpUrl(options.PublicBaseUrl, out var publicUrl) || publicUrl.Query.Length > 0 || publicUrl.Fragment.Length > 0)
        {
            errors.Add($"Twilio:PublicBaseUrl must be an absolute http(s) URL without query (was '{options.PublicBaseUrl}')");
        }
        if (!IsHttpUrl(options.ApiBaseUrl, out _))
        {
            errors.Add($"Twilio:ApiBaseUrl must be an absolute http(s) URL (was '{options.ApiBaseUrl}')");
        }
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            errors.Add("Twilio:RequestTimeout must be more than 0 and at most 00:05:00");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttpUrl(string? value, out Uri uri) =>
        Uri.TryCreate(value, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
