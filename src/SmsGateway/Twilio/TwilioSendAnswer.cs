using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Campaign.Core.Delivery;

namespace SmsGateway.Twilio;

/// <summary>Twilio's answer to Create Message, read as a <see cref="SendResult"/>: what the dispatcher should do next.</summary>
public static class TwilioSendAnswer
{
    /// <summary>The recipient replied STOP to our sender; Twilio refuses until they send START.</summary>
    public const int UnsubscribedRecipient = 21610;

    public const int InvalidTo = 21211;
    public const int AuthenticationFailed = 20003;

    /// <summary>Too many requests: never processed, always safe to retry.</summary>
    public const int TooManyRequests = 20429;

    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The response body (JSON from Twilio; anything from a proxy in between).</param>
    /// <param name="retryAfter">The Retry-After header, if any.</param>
    /// <param name="now">To turn a Retry-After date into a wait.</param>
    public static SendResult Read(HttpStatusCode status, string body, RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        var code = (int)status;
        var json = Parse(body);
        if (code is >= 200 and < 300)
        {
            return SendResult.Accepted(json.Sid);
        }

        var errorCode = json.Code?.ToString(CultureInfo.InvariantCulture) ?? $"http_{code}";
        var error = json.Message ?? $"HTTP {code} from Twilio";
        SendResult Result(SendOutcome outcome, TimeSpan? wait = null) => new(outcome, ErrorCode: errorCode, Error: error, RetryAfter: wait);

        return (json.Code, code) switch
        {
            (UnsubscribedRecipient, _) => Result(SendOutcome.RecipientOptedOut),
            (AuthenticationFailed, _) or (_, 401) => Result(SendOutcome.Unauthorized),
            (TooManyRequests, _) or (_, 429) or (_, >= 500 and < 600) => Result(SendOutcome.RetryLater, Wait(retryAfter, now)),
            (InvalidTo, _) or (_, >= 400 and < 500) => Result(SendOutcome.Rejected),
            // A redirect or anything else unexpected: Twilio may or may not have created the message.
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

    private static (string? Sid, int? Code, string? Message) Parse(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return default;
            }
            var root = doc.RootElement;
            return (Text(root, "sid"), Number(root, "code"), Text(root, "message"));
        }
        catch (JsonException)
        {
            return default; // a proxy's HTML error page, an empty body
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n
        : value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s
        : null;
}
