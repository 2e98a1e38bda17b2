namespace CampaignBot.Channels.BotFramework;

/// <summary>
/// The bot's Azure Bot registration and the Bot Framework endpoints; bound from <c>Bot</c>. Without a
/// <see cref="MicrosoftAppId"/> the channel runs in local emulator mode (no tokens either way).
/// </summary>
public sealed class BotFrameworkOptions
{
    public const string Section = "Bot";

    /// <summary>The issuer of every token a Bot Framework channel sends to a bot.</summary>
    public const string ChannelTokenIssuer = "https://api.botframework.com";

    /// <summary>What our client-credentials token is for: the Bot Connector.</summary>
    public const string ConnectorScope = "https://api.botframework.com/.default";

    /// <summary>The bot's app id (a GUID): the audience of the channel's tokens and our client id for the connector.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The app's client secret. A secret: never logged.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>For a single-tenant app: our tokens come from this tenant instead of botframework.com.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Where the channel's signing keys are announced (its <c>jwks_uri</c>).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The client-credentials token endpoint; unset means botframework.com's, or the tenant's when <see cref="MicrosoftAppTenantId"/> is set.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>How long one call to the connector, the token endpoint or the metadata may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Local emulator mode: no app id, so requests carry no token and neither do our replies.</summary>
    public bool IsEmulatorMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The token endpoint actually used.</summary>
    public string EffectiveTokenEndpoint =>
        !string.IsNullOrWhiteSpace(TokenEndpoint) ? TokenEndpoint
        : !string.IsNullOrWhiteSpace(MicrosoftAppTenantId) ? $"https://login.microsoftonline.com/{Uri.EscapeDataString(MicrosoftAppTenantId)}/oauth2/v2.0/token"
        : "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";
}
