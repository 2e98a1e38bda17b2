using System.Globalization;
using System.Text.Encodings.Web;
using Campaign.Core.Officers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using StackExchange.Redis;

namespace Campaign.Hosting.Officers;

/// <summary>
/// Authenticates officers by API key: <c>Authorization: Bearer cmp_…</c> or <c>X-Api-Key: cmp_…</c>.
/// Missing or refused keys get 401 with <c>WWW-Authenticate</c> and a problem body saying what to
/// do; a client address that sent too many invalid keys gets 429 and its keys are not looked up.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    OfficerStore officers,
    FailedKeyAttempts attempts,
    IAuditLog audit)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string BearerPrefix = "Bearer ";

    // What this request's key turned out to be; the challenge answers accordingly.
    private KeyCheck? _refused;
    private bool _throttled;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryReadKey(Request, out var presented))
        {
            return AuthenticateResult.NoResult();
        }
        var client = ClientAddress(Context);
        if (attempts.IsBlocked(client))
        {
            _throttled = true;
            LogThrottled(Logger, client);
            return AuthenticateResult.Fail("too many invalid API keys from this address");
        }

        var lookup = await officers.FindByKeyAsync(presented);
        if (lookup is { Check: KeyCheck.Valid, Officer: { } officer, Key: { } key })
        {
            return AuthenticateResult.Success(new AuthenticationTicket(OfficerClaims.Principal(officer, key.KeyId), Scheme.Name));
        }

        _refused = lookup.Check;
        attempts.RecordFailure(client);
        var reason = ReasonKey(lookup.Check);
        var keyId = lookup.Key?.KeyId ?? "-";
        LogRefused(Logger, client, reason, keyId);
        if (lookup is { Officer: { } known, Key: { } refusedKey })
        {
            // A real key that no longer works is worth a trace in the audit log: it names who.
            await RecordRefusalAsync(known, refusedKey, reason, client);
        }
        return AuthenticateResult.Fail($"API key refused: {reason}");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        await HandleAuthenticateOnceSafeAsync();
        if (_throttled)
        {
            Response.Headers.RetryAfter = ((int)FailedKeyAttempts.Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await OfficerProblems.WriteAsync(Context, StatusCodes.Status429TooManyRequests, "Too many invalid API keys",
                "This address sent too many invalid API keys; keys from it are refused for up to a minute. Check the key, then try again.");
            return;
        }

        var (error, detail) = _refused switch
        {
            null => ((string?)null, $"Send your API key as 'Authorization: Bearer cmp_…' (or in an {ApiKeyDefaults.HeaderName} header)."),
            KeyCheck.Malformed => ("invalid_request", $"The API key is not in the expected form ('cmp_' and {ApiKeys.Length - ApiKeys.Prefix.Length} more characters, after 'Bearer '); copy it again in full."),
            KeyCheck.Revoked => ("invalid_token", "This API key was revoked; ask an admin for a new one."),
            KeyCheck.Disabled => ("invalid_token", "This officer account is disabled; ask an admin."),
            _ => ("invalid_token", "This API key is not recognised; check that it was copied in full."),
        };
        // RFC 6750: no error code when the request carried no credentials at all.
        Response.Headers[HeaderNames.WWWAuthenticate] = error is null
            ? $"Bearer realm=\"{ApiKeyDefaults.Realm}\""
            : $"Bearer realm=\"{ApiKeyDefaults.Realm}\", error=\"{error}\"";
        await OfficerProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, _refused is null ? "API key required" : "API key refused", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var officer = OfficerContext.From(Context);
        var role = officer?.Role.Key() ?? "none";
        return OfficerProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed for your role",
            $"Your role ({role}) may not do this; ask an officer with a higher role, or an admin.");
    }

    /// <summary>
    /// The key from <c>Authorization: Bearer cmp_…</c> or <c>X-Api-Key</c>; true when one was sent,
    /// even if malformed. Other Authorization values (Bot Framework JWTs, Basic) are not ours: the
    /// handler can run as the default scheme on every request, and must not count them as guesses.
    /// </summary>
    private static bool TryReadKey(HttpRequest request, out string? key)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            && authorization.AsSpan(BearerPrefix.Length).TrimStart().StartsWith(ApiKeys.Prefix, StringComparison.Ordinal))
        {
            key = authorization[BearerPrefix.Length..].Trim();
            return true;
        }
        var header = request.Headers[ApiKeyDefaults.HeaderName].ToString();
        key = header.Trim();
        return header.Length > 0;
    }

    private static string ClientAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is { IsIPv4MappedToIPv6: true })
        {
            address = address.MapToIPv4();
        }
        return address?.ToString() ?? "unknown";
    }

    private static string ReasonKey(KeyCheck check) => check switch
    {
        KeyCheck.Malformed => "malformed",
        KeyCheck.Revoked => "revoked",
        KeyCheck.Disabled => "disabled",
        _ => "unknown",
    };

    private async Task RecordRefusalAsync(Officer officer, ApiKeyInfo key, string reason, string client)
    {
        try
        {
            await audit.RecordAsync(new AuditEntry(
                officer.Id, officer.Role.Key(), "auth.key", "apikey:" + key.KeyId, AuditOutcome.Denied,
                new Dictionary<string, string> { ["reason"] = reason, ["client"] = client }));
        }
        catch (RedisException ex)
        {
            LogAuditFailed(Logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "API key refused from {Client}: {Reason} (key id {KeyId})")]
    private static partial void LogRefused(ILogger logger, string client, string reason, string keyId);

    // Debug: once cut off, a guesser may send thousands a minute; the refusals before it were logged as warnings.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Too many invalid API keys from {Client}: its keys are refused unread for up to a minute")]
    private static partial void LogThrottled(ILogger logger, string client);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit entry for a refused API key: {Reason}")]
    private static partial void LogAuditFailed(ILogger logger, string reason);
}
