using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Campaign.Core.Delivery;

namespace CampaignBot.Channels.Messenger;

/// <summary>
/// The Send API's answer read as a <see cref="SendResult"/>. Success is <c>{"recipient_id","message_id"}</c>;
/// failures are Graph errors <c>{"error":{"message","type","code","error_subcode","fbtrace_id"}}</c>,
/// decided by code first and HTTP status second (Meta's codes: Messenger Platform "Common error codes",
/// Graph API "Handling errors" and rate limiting).
/// </summary>
public static class SendApiAnswer
{
    /// <summary>Permission denied; on the Send API it is the "sent outside of allowed window" family.</summary>
    public const int PermissionDenied = 10;

    /// <summary>"This message is sent outside of allowed window."</summary>
    public const int OutsideWindowSubcode = 2018278;

    /// <summary>Invalid or expired access token.</summary>
    public const int InvalidToken = 190;

    /// <summary>API session: the token's session is no longer valid.</summary>
    public const int ApiSession = 102;

    /// <summary>"This person isn't available right now" (blocked the Page, turned off messages, deactivated).</summary>
    public const int UserUnavailable = 551;

    /// <summary>Temporary failures and throttling: 1 unknown, 2 service, 4 application, 17 account, 32 Page, 613 custom rate limit, 1200 temporary send failure.</summary>
    private static readonly HashSet<int> Retryable = [1, 2, 4, 17, 32, 613, 1200];

    public static SendResult Read(HttpStatusCode status, string body, RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        var http = (int)status;
        var answer = Parse(body);
        if (http is >= 200 and < 300 && answer.Code is null)
        {
            return SendResult.Accepted(answer.MessageId);
        }

        var errorCode = answer.Code is { } c
            ? answer.Subcode is { } s ? string.Create(CultureInfo.InvariantCulture, $"{c}/{s}") : c.ToString(CultureInfo.InvariantCulture)
            : $"http_{http}";
        var error = (answer.Message ?? $"HTTP {http} from the Send API") + (answer.TraceId is { } trace ? $" (fbtrace_id {trace})" : "");
        SendResult Result(SendOutcome outcome, TimeSpan? wait = null) => new(outcome, ErrorCode: errorCode, Error: error, RetryAfter: wait);

        return (answer.Code, answer.Subcode, http) switch
        {
            (_, OutsideWindowSubcode, _) or (PermissionDenied, _, _) => Result(SendOutcome.OutsideWindow),
            (InvalidToken or ApiSession, _, _) or (_, _, 401) => Result(SendOutcome.Unauthorized),
            // Blocked the Page or turned off its messages: they are opted out on Messenger until they write again with DK.
            (UserUnavailable, _, _) => Result(SendOutcome.RecipientOptedOut),
            ({ } code, _, _) when Retryable.Contains(code) => Result(SendOutcome.RetryLater, Wait(retryAfter, now)),
            (_, _, 429) or (_, _, >= 500 and < 600) => Result(SendOutcome.RetryLater, Wait(retryAfter, now)),
            (_, _, >= 400 and < 500) => Result(SendOutcome.Rejected),
            // A redirect, or an error body with a 2xx: the message may or may not have been sent.
            _ => Result(SendOutcome.Unknown),
        };
    }

    /// <summary>Retry-After as seconds or as an HTTP date.</summary>
    public static TimeSpan? Wait(RetryConditionHeaderValue? retryAfter, DateTimeOffset now) => retryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    private static (string? MessageId, int? Code, int? Subcode, string? Message, string? TraceId) Parse(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return default;
            }
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                // A Graph error always has a code; one without is still an error.
                return (null, Number(error, "code") ?? 0, Number(error, "error_subcode"), Text(error, "message"), Text(error, "fbtrace_id"));
            }
            return (Text(root, "message_id"), null, null, null, null);
        }
        catch (JsonException)
        {
            return default; // a proxy's HTML error page, an empty body
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n
        : value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s
        : null;
}
