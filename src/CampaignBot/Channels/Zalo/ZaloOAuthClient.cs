using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CampaignBot.Channels.Zalo;

/// <summary>
/// Zalo's OAuth v4 token endpoint, refresh grant: <c>POST {OAuthBaseUrl}/v4/oa/access_token</c>, the
/// app secret in a <c>secret_key</c> header, a form of refresh_token, app_id and grant_type. The
/// answer carries a new access token, a new refresh token (the old one is spent) and expires_in as a
/// string of seconds.
/// </summary>
public sealed partial class ZaloOAuthClient(
    IHttpClientFactory httpClients,
    IOptions<ZaloOptions> options,
    TimeProvider time,
    ILogger<ZaloOAuthClient> logger)
{
    /// <summary>Zalo documents about 25 hours (90000 s); used when expires_in is missing or unreadable.</summary>
    private static readonly TimeSpan AssumedLifetime = TimeSpan.FromHours(24);

    public static Uri TokenUrl(ZaloOptions settings) => new($"{settings.OAuthBaseUrl.TrimEnd('/')}/v4/oa/access_token");

    public async Task<ZaloRefreshResult> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenUrl(settings))
        {
            Content = new FormUrlEncodedContent(
            [
                new("refresh_token", refreshToken),
                new("app_id", settings.AppId),
                new("grant_type", "refresh_token"),
            ]),
        };
        request.Headers.TryAddWithoutValidation("secret_key", settings.AppSecret);

        string body;
        int status;
        try
        {
            using var response = await httpClients.CreateClient(ZaloChannel.HttpClientName).SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // our caller gave up; that is not Zalo's answer
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            var reason = ex.Message;
            LogUnreachable(logger, reason);
            return ZaloRefreshResult.Unavailable("refresh_unreachable", reason);
        }

        if (status >= 500 || status == 429)
        {
            LogUnreachable(logger, $"HTTP {status}");
            return ZaloRefreshResult.Unavailable($"refresh_http_{status}", $"HTTP {status} from the Zalo token endpoint");
        }
        var answer = Read(body);
        if (status is >= 200 and < 300 && answer.AccessToken is { Length: > 0 } access && answer.RefreshToken is { Length: > 0 } refresh)
        {
            var lifetime = answer.ExpiresIn is > 0 ? TimeSpan.FromSeconds(answer.ExpiresIn.Value) : AssumedLifetime;
            return ZaloRefreshResult.Renewed(new ZaloTokenSet(access, refresh, time.GetUtcNow() + lifetime));
        }
        // A refused refresh (spent or expired refresh token, wrong secret): only a person can fix it.
        var code = answer.Error ?? $"refresh_http_{status}";
        var message = answer.Message ?? $"the Zalo token endpoint answered HTTP {status} without tokens";
        LogRefused(logger, code, message);
        return ZaloRefreshResult.Refused(code, message);
    }

    private static (string? AccessToken, string? RefreshToken, long? ExpiresIn, string? Error, string? Message) Read(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return default;
            }
            var expires = Text(root, "expires_in");
            return (
                Text(root, "access_token"),
                Text(root, "refresh_token"),
                long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : null,
                Text(root, "error") is { } error && error != "0" ? error : null,
                Text(root, "error_description") ?? Text(root, "error_reason") ?? Text(root, "message") ?? Text(root, "error_name"));
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : value.ValueKind == JsonValueKind.Number ? value.GetRawText()
        : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo token refresh did not get through: {Reason}; will try again")]
    private static partial void LogUnreachable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zalo refused the token refresh ({Code}: {Reason}); authorize the app for the OA again and put the new tokens in Zalo:AccessToken and Zalo:RefreshToken")]
    private static partial void LogRefused(ILogger logger, string code, string reason);
}
