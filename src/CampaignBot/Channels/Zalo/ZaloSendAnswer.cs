using System.Globalization;
using System.Text.Json;
using Campaign.Core.Delivery;

namespace CampaignBot.Channels.Zalo;

/// <summary>
/// The OA API's answer to a consultation message. Zalo answers HTTP 200 for its own errors, so the
/// body's <c>error</c> decides: 0 is sent (with data.message_id), anything else is looked up in
/// <see cref="ZaloErrorCodes"/>. HTTP errors are read the usual way (5xx and 429 retry later).
/// </summary>
/// <param name="HttpStatus">The HTTP status.</param>
/// <param name="Error">The body's <c>error</c>, when the body had one.</param>
/// <param name="Message">The body's <c>message</c>.</param>
/// <param name="MessageId">data.message_id, when sent.</param>
public sealed record ZaloSendAnswer(int HttpStatus, int? Error, string? Message, string? MessageId)
{
    /// <summary>"&lt;field&gt; is invalid": what an unsupported attachment gets, among other things.</summary>
    public const int InvalidParameter = -201;

    public bool IsOk => HttpStatus is >= 200 and < 300 && Error == 0;

    public static ZaloSendAnswer Read(int httpStatus, string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ZaloSendAnswer(httpStatus, null, null, null);
            }
            int? error = root.TryGetProperty("error", out var e) ? e.ValueKind switch
            {
                JsonValueKind.Number when e.TryGetInt32(out var n) => n,
                JsonValueKind.String when int.TryParse(e.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) => s,
                _ => null,
            } : null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            string? id = null;
            if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("message_id", out var mid))
            {
                id = mid.ValueKind == JsonValueKind.String ? mid.GetString() : mid.ValueKind == JsonValueKind.Number ? mid.GetRawText() : null;
            }
            return new ZaloSendAnswer(httpStatus, error, message, id);
        }
        catch (JsonException)
        {
            return new ZaloSendAnswer(httpStatus, null, null, null); // a proxy's HTML error page, an empty body
        }
    }

    public bool IsTokenError(ZaloErrorCodes codes) => Error is { } e && codes.Token.Contains(e);

    /// <summary>What the dispatcher should do about this answer.</summary>
    public SendResult ToResult(ZaloErrorCodes codes)
    {
        if (IsOk)
        {
            return SendResult.Accepted(MessageId);
        }
        var errorCode = Error?.ToString(CultureInfo.InvariantCulture) ?? $"http_{HttpStatus}";
        var text = Message ?? (Error is null ? $"HTTP {HttpStatus} from Zalo" : $"Zalo error {errorCode}");
        SendResult Result(SendOutcome outcome) => new(outcome, ErrorCode: errorCode, Error: text);

        if (HttpStatus is >= 200 and < 300)
        {
            return Error switch
            {
                // 200 with no readable error: Zalo may or may not have taken the message.
                null => Result(SendOutcome.Unknown),
                var e when codes.Token.Contains(e.Value) || codes.Credentials.Contains(e.Value) => Result(SendOutcome.Unauthorized),
                var e when codes.Blocked.Contains(e.Value) => Result(SendOutcome.RecipientOptedOut),
                var e when codes.OutsideWindow.Contains(e.Value) => Result(SendOutcome.OutsideWindow),
                var e when codes.RetryLater.Contains(e.Value) => Result(SendOutcome.RetryLater),
                _ => Result(SendOutcome.Rejected),
            };
        }
        return HttpStatus switch
        {
            401 or 403 => Result(SendOutcome.Unauthorized),
            429 or >= 500 and < 600 => Result(SendOutcome.RetryLater),
            >= 400 and < 500 => Result(SendOutcome.Rejected),
            // A redirect or anything else unexpected: the message may or may not have been taken.
            _ => Result(SendOutcome.Unknown),
        };
    }
}
