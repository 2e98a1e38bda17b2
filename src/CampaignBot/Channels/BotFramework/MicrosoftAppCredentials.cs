using System.Globalization;
using System.Net;
using System.Text.Json;
using Campaign.Core.Delivery;
using Microsoft.Extensions.Options;

namespace CampaignBot.Channels.BotFramework;

/// <summary>
/// The bearer token our connector calls carry: the OAuth client-credentials flow against
/// <see cref="BotFrameworkOptions.EffectiveTokenEndpoint"/> with the app id and password, for the Bot
/// Connector's scope. One token is shared by every send and fetched again <see cref="RefreshEarly"/>
/// before it expires; concurrent sends wait for one fetch instead of each asking.
/// </summary>
public sealed partial class MicrosoftAppCredentials(
    IHttpClientFactory httpClients,
    IOptions<BotFrameworkOptions> options,
    TimeProvider time,
    ILogger<MicrosoftAppCredentials> logger) : IDisposable
{
    public static readonly TimeSpan RefreshEarly = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private volatile CachedToken? _token;

    /// <summary>A token, or the send result to report when none can be had (the connector was not called, so nothing was sent).</summary>
    public async Task<(string? AccessToken, SendResult? Failure)> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && time.GetUtcNow() < cached.RefreshAt)
        {
            return (cached.AccessToken, null);
        }
        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } fresh && time.GetUtcNow() < fresh.RefreshAt)
            {
                return (fresh.AccessToken, null); // fetched by the caller we waited for
            }
            return await FetchAsync(cancellationToken);
        }
        finally
        {
            _fetching.Release();
        }
    }

    /// <summary>Forgets the token, after the connector refused it, so the next send asks for a new one.</summary>
    public void Invalidate() => _token = null;

    private async Task<(string?, SendResult?)> FetchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", settings.MicrosoftAppId ?? ""),
            new("client_secret", settings.MicrosoftAppPassword ?? ""),
            new("scope", BotFrameworkOptions.ConnectorScope),
        ]);
        HttpStatusCode status;
        string body;
        System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter;
        try
        {
            using var response = await httpClients.CreateClient(BotConnectorSender.HttpClientName)
                .PostAsync(settings.EffectiveTokenEndpoint, form, cancellationToken);
            status = response.StatusCode;
            retryAfter = response.Headers.RetryAfter;
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            var reason = ex.Message;
            LogUnreachable(logger, reason);
            return (null, new SendResult(SendOutcome.RetryLater, ErrorCode: "token_unreachable", Error: $"token endpoint not reached: {reason}"));
        }

        var answer = Read(body);
        var code = (int)status;
        if (code is >= 200 and < 300 && answer.AccessToken is { Length: > 0 } accessToken)
        {
            var lifetime = TimeSpan.FromSeconds(answer.ExpiresIn ?? 3600);
            // Early, but never so early that a short-lived token is fetched on every send.
            var early = lifetime > RefreshEarly * 2 ? RefreshEarly : lifetime / 2;
            _token = new CachedToken(accessToken, time.GetUtcNow() + lifetime - early);
            LogFetched(logger, (int)lifetime.TotalSeconds);
            return (accessToken, null);
        }

        var errorCode = answer.Error ?? $"http_{code}";
        var error = $"token endpoint answered HTTP {code}" + (answer.Error is null ? "" : $": {answer.Error}");
        LogRefused(logger, code, errorCode);
        // 400 invalid_client / unauthorized_client and 401: our app id or password is wrong; the rest is the endpoint's trouble.
        var outcome = code is 400 or 401 or 403 ? SendOutcome.Unauthorized : SendOutcome.RetryLater;
        return (null, new SendResult(outcome, ErrorCode: $"token_{errorCode}", Error: error, RetryAfter: BotConnectorAnswer.Wait(retryAfter, time.GetUtcNow())));
    }

    private static (string? AccessToken, double? ExpiresIn, string? Error) Read(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return default;
            }
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            double? expiresIn = root.TryGetProperty("expires_in", out var e)
                ? e.ValueKind == JsonValueKind.Number ? e.GetDouble()
                : e.ValueKind == JsonValueKind.String && double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s
                : null
                : null;
            return (Text("access_token"), expiresIn is > 0 ? expiresIn : null, Text("error"));
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private sealed record CachedToken(string AccessToken, DateTimeOffset RefreshAt);

    public void Dispose() => _fetching.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Connector token fetched, valid for {Seconds} s")]
    private static partial void LogFetched(ILogger logger, int seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot Connector token refused: HTTP {Status} {Error} (check Bot:MicrosoftAppId, Bot:MicrosoftAppPassword, Bot:MicrosoftAppTenantId)")]
    private static partial void LogRefused(ILogger logger, int status, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector token endpoint not reached: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string reason);
}
