using Microsoft.Extensions.Options;

namespace CampaignBot.Channels.Zalo;

/// <summary>Start-up checks of <see cref="ZaloOptions"/> beyond presence (which the channel switch checks); every message names the setting.</summary>
public sealed class ZaloOptionsValidation : IValidateOptions<ZaloOptions>
{
    public ValidateOptionsResult Validate(string? name, ZaloOptions options)
    {
        var errors = new List<string>();
        if (!IsHttpUrl(options.ApiBaseUrl))
        {
            errors.Add($"Zalo:ApiBaseUrl must be an absolute http(s) URL (was '{options.ApiBaseUrl}')");
        }
        if (!IsHttpUrl(options.OAuthBaseUrl))
        {
            errors.Add($"Zalo:OAuthBaseUrl must be an absolute http(s) URL (was '{options.OAuthBaseUrl}')");
        }
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            errors.Add("Zalo:RequestTimeout must be more than 0 and at most 00:05:00");
        }
        if (options.ConsultationWindow <= TimeSpan.Zero)
        {
            errors.Add("Zalo:ConsultationWindow must be more than 0 (Zalo's is 7.00:00:00)");
        }
        if (options.RefreshAhead < TimeSpan.Zero || options.RefreshAhead >= TimeSpan.FromHours(24))
        {
            errors.Add("Zalo:RefreshAhead must be at least 0 and under 1.00:00:00 (tokens live about 25 hours)");
        }
        Codes(errors, "Zalo:TokenErrorCodes", options.TokenErrorCodes);
        Codes(errors, "Zalo:OutsideWindowErrorCodes", options.OutsideWindowErrorCodes);
        Codes(errors, "Zalo:RetryLaterErrorCodes", options.RetryLaterErrorCodes);
        Codes(errors, "Zalo:CredentialErrorCodes", options.CredentialErrorCodes);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Codes(List<string> errors, string setting, string? list)
    {
        try
        {
            ZaloErrorCodes.Parse(list);
        }
        catch (FormatException ex)
        {
            errors.Add($"{setting}: {ex.Message}");
        }
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
