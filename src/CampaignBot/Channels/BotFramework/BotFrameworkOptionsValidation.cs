using Microsoft.Extensions.Options;

namespace CampaignBot.Channels.BotFramework;

/// <summary>Start-up checks of <see cref="BotFrameworkOptions"/>; every message names the setting to fix.</summary>
public sealed class BotFrameworkOptionsValidation : IValidateOptions<BotFrameworkOptions>
{
    private const string EmulatorHint = "or remove Bot:MicrosoftAppId, Bot:MicrosoftAppPassword and Bot:MicrosoftAppTenantId to run in local emulator mode, without authentication";

    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        var errors = new List<string>();
        var hasId = !string.IsNullOrWhiteSpace(options.MicrosoftAppId);
        if (hasId && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            errors.Add($"Bot:MicrosoftAppPassword is required when Bot:MicrosoftAppId is set ({EmulatorHint})");
        }
        if (!hasId && (!string.IsNullOrWhiteSpace(options.MicrosoftAppPassword) || !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId)))
        {
            // A secret without its app id means authentication was intended: never fall back to no authentication.
            errors.Add($"Bot:MicrosoftAppId is required when Bot:MicrosoftAppPassword or Bot:MicrosoftAppTenantId is set ({EmulatorHint})");
        }
        if (!IsHttpUrl(options.OpenIdMetadataUrl))
        {
            errors.Add($"Bot:OpenIdMetadataUrl must be an absolute http(s) URL (was '{options.OpenIdMetadataUrl}')");
        }
        if (!string.IsNullOrWhiteSpace(options.TokenEndpoint) && !IsHttpUrl(options.TokenEndpoint))
        {
            errors.Add($"Bot:TokenEndpoint must be an absolute http(s) URL (was '{options.TokenEndpoint}')");
        }
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            errors.Add("Bot:RequestTimeout must be more than 0 and at most 00:05:00");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
