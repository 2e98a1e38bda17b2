using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CampaignBot.Channels.BotFramework;

/// <summary>
/// Checks the bearer token a Bot Framework channel sends with every activity (channel → bot
/// authentication): a JWT from <see cref="BotFrameworkOptions.ChannelTokenIssuer"/> for our app id,
/// within its lifetime (5 minutes of clock skew), signed RS256/384/512 with a key from the channel's
/// JWKS. <see cref="Authorize"/> then ties it to the activity it came with: the key must be endorsed
/// for the activity's channelId, and the token's serviceurl claim must be the activity's serviceUrl.
/// </summary>
public sealed class ChannelTokenValidator(OpenIdMetadata metadata, IOptions<BotFrameworkOptions> options, TimeProvider time)
{
    public const string ServiceUrlClaim = "serviceurl";

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private const string AlgorithmRefused = "the token's algorithm is not RS256, RS384 or RS512";

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>The token's identity, or why it is refused (for the log; never the token itself).</summary>
    /// <exception cref="OpenIdMetadataUnavailableException">The channel's keys cannot be had right now.</exception>
    public async Task<(ChannelIdentity? Identity, string? Refusal)> ValidateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return (null, "no Authorization header");
        }
        var parts = authorization.Split(' ');
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0)
        {
            return (null, "Authorization is not 'Bearer <token>'");
        }
        var token = parts[1];
        if (!_handler.CanReadToken(token))
        {
            return (null, "the bearer token is not a JWT");
        }
        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return (null, "the bearer token is not a JWT");
        }
        // Checked before any key is looked at: "none" and HMAC tokens never reach signature validation.
        if (!AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return (null, AlgorithmRefused);
        }
        var keyId = jwt.Kid;
        if (string.IsNullOrEmpty(keyId))
        {
            return (null, "the token names no signing key (kid)");
        }
        if (await metadata.FindAsync(keyId, cancellationToken) is not { } key)
        {
            return (null, "the token's signing key is not in the channel's JWKS");
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(key.Key));
        if (!result.IsValid)
        {
            return (null, Reason(result.Exception));
        }
        var serviceUrl = result.Claims.TryGetValue(ServiceUrlClaim, out var claim) ? claim as string : null;
        return (new ChannelIdentity(keyId, key.Endorsements, serviceUrl), null);
    }

    /// <summary>Null when the token may speak for this activity; otherwise why not.</summary>
    public static string? Authorize(ChannelIdentity identity, Activity activity)
    {
        // An activity without a channelId passes, as in the SDKs' endorsement check.
        if (identity.Endorsements is { } endorsements && !string.IsNullOrEmpty(activity.ChannelId)
            && !endorsements.Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            return "the signing key is not endorsed for the activity's channelId";
        }
        if (string.IsNullOrWhiteSpace(identity.ServiceUrl))
        {
            return "the token has no serviceurl claim";
        }
        if (!string.Equals(identity.ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return "the token's serviceurl claim is not the activity's serviceUrl";
        }
        return null;
    }

    private TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = BotFrameworkOptions.ChannelTokenIssuer,
        ValidateAudience = true,
        ValidAudience = options.Value.MicrosoftAppId,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        RequireSignedTokens = true,
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = AllowedAlgorithms,
        LifetimeValidator = ValidateLifetime,
    };

    /// <summary>The lifetime check on our clock (<see cref="TimeProvider"/>), with <see cref="ClockSkew"/> either side.</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("the token has no exp");
        }
        if (notBefore is { } nbf && nbf > now + ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("the token is not valid yet") { NotBefore = nbf };
        }
        if (expires.Value < now - ClockSkew)
        {
            throw new SecurityTokenExpiredException("the token has expired") { Expires = expires.Value };
        }
        return true;
    }

    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenNoExpirationException => "the token has no expiry",
        SecurityTokenInvalidAudienceException => "the token is for another audience (not Bot:MicrosoftAppId)",
        SecurityTokenInvalidIssuerException => "the token is from another issuer",
        SecurityTokenInvalidAlgorithmException => AlgorithmRefused,
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "the token's signature does not verify",
        null => "the token is not valid",
        _ => $"the token is not valid ({exception.GetType().Name})",
    };
}
