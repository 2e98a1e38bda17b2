using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Redis;
using SmsGateway.Inbound;
using StackExchange.Redis;

namespace SmsGateway.Android;

/// <summary>
/// <c>POST /sms/android/webhook</c>: every event the phone reports. The signature is checked on the
/// raw bytes before anything is parsed; a resident's SMS goes through the shared inbox (replies are
/// queued and sent back through the phone at its pace); receipts move their delivery forward. The
/// phone retries anything not answered 2xx within 30 s, so each event is handled once by its envelope
/// id, and a Redis outage answers 503: the phone keeps the event and tries again.
/// </summary>
public sealed partial class AndroidWebhook(
    AndroidWebhookSignature signature,
    SmsInbox inbox,
    DeliveryStore deliveries,
    IConnectionMultiplexer redis,
    RedisKeys keys,
    TimeProvider time,
    ILogger<AndroidWebhook> logger)
{
    public const string Path = "/sms/android/webhook";

    /// <summary>Longer than the phone's retries last (14 retries with doubling backoff, about two days).</summary>
    private static readonly TimeSpan RememberFor = TimeSpan.FromDays(2);

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await AndroidWebhookBody.ReadAsync(request);
        if (body is null)
        {
            LogTooLarge(logger, AndroidWebhookBody.MaxBytes);
            return Problem(StatusCodes.Status413PayloadTooLarge, $"body is larger than {AndroidWebhookBody.MaxBytes} bytes");
        }

        var refused = signature.Problem(
            body,
            request.Headers[AndroidWebhookSignature.SignatureHeader].ToString(),
            request.Headers[AndroidWebhookSignature.TimestampHeader].ToString());
        if (refused is not null)
        {
            LogRefused(logger, refused);
            return Problem(StatusCodes.Status401Unauthorized, refused);
        }

        if (!AndroidWebhookEvent.TryParse(body, out var webhookEvent, out var problem) || webhookEvent is null)
        {
            LogMalformed(logger, problem);
            return Problem(StatusCodes.Status400BadRequest, problem);
        }

        try
        {
            if (webhookEvent.EventName == AndroidWebhookEvents.Received)
            {
                return await ReceiveAsync(webhookEvent);
            }
            if (AndroidWebhookEvents.ReceiptStatus(webhookEvent.EventName) is { } status)
            {
                return await ApplyReceiptAsync(webhookEvent, status);
            }
            LogIgnored(logger, webhookEvent.EventName, webhookEvent.Id, webhookEvent.DeviceId);
            return Answer("ignored");
        }
        catch (RedisException ex)
        {
            LogRedisDown(logger, ex, webhookEvent.EventName, webhookEvent.Id);
            return Problem(StatusCodes.Status503ServiceUnavailable, "storage unavailable; retry later");
        }
    }

    private async Task<IResult> ReceiveAsync(AndroidWebhookEvent webhookEvent)
    {
        if (webhookEvent.PayloadText("message") is not { } text)
        {
            return Malformed("payload.message is required");
        }
        // "sender" replaced "phoneNumber"; older app versions send only the latter.
        if ((webhookEvent.PayloadText("sender") ?? webhookEvent.PayloadText("phoneNumber")) is not { Length: > 0 } from)
        {
            return Malformed("payload.sender is required");
        }

        var receivedAt = webhookEvent.PayloadDate("receivedAt") ?? time.GetUtcNow();
        // Not the request's token: a conversation step once begun is finished, and the phone's retry gets its answer.
        var result = await inbox.ReceiveAsync(
            new SmsInbound(AndroidGatewayClient.ProviderName, webhookEvent.Id, from, text, receivedAt),
            ReplyRoute.Outbox,
            CancellationToken.None);
        return result.Disposition == InboundDisposition.InProgress
            ? Problem(StatusCodes.Status503ServiceUnavailable, "this event is being handled right now; retry later")
            : Answer(result.Disposition.ToString().ToLowerInvariant());
    }

    private async Task<IResult> ApplyReceiptAsync(AndroidWebhookEvent webhookEvent, DeliveryStatus status)
    {
        // We send our delivery id as the message id, so the receipt names the delivery itself.
        if (webhookEvent.PayloadText("messageId") is not { Length: > 0 } deliveryId)
        {
            return Malformed("payload.messageId is required");
        }
        var error = webhookEvent.EventName switch
        {
            AndroidWebhookEvents.Failed => webhookEvent.PayloadText("reason") ?? "failed",
            AndroidWebhookEvents.Cancelled => "cancelled",
            _ => null,
        };

        var db = redis.GetDatabase();
        var seenKey = keys.InboundSeen(AndroidGatewayClient.ProviderName, webhookEvent.Id);
        if (!await db.StringSetAsync(seenKey, webhookEvent.EventName, RememberFor, When.NotExists))
        {
            return Answer("duplicate");
        }

        ReceiptResult result;
        try
        {
            result = await deliveries.ApplyReceiptAsync(deliveryId, status, null, error);
        }
        catch
        {
            // Not recorded: the phone's retry gets a fresh attempt.
            await db.KeyDeleteAsync(seenKey, CommandFlags.FireAndForget);
            throw;
        }

        if (result == ReceiptResult.UnknownDelivery)
        {
            // Expired, or sent from the phone by hand: nothing of ours to update, and nothing to retry.
            LogUnknownDelivery(logger, webhookEvent.EventName, deliveryId);
        }
        return Answer(result switch
        {
            ReceiptResult.Applied => "applied",
            ReceiptResult.Stale => "stale",
            _ => "unknown-delivery",
        });
    }

    private IResult Malformed(string problem)
    {
        LogMalformed(logger, problem);
        return Problem(StatusCodes.Status400BadRequest, problem);
    }

    private static IResult Answer(string outcome) => Results.Json(new { outcome });

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Android webhook refused: body larger than {MaxBytes} bytes")]
    private static partial void LogTooLarge(ILogger logger, int maxBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Android webhook refused: {Problem}")]
    private static partial void LogRefused(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Android webhook malformed: {Problem}")]
    private static partial void LogMalformed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Android webhook {Event} {EventId} from device {DeviceId} ignored")]
    private static partial void LogIgnored(ILogger logger, string @event, string eventId, string? deviceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Android {Event} receipt for unknown delivery {Delivery} ignored")]
    private static partial void LogUnknownDelivery(ILogger logger, string @event, string delivery);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Android webhook {Event} {EventId}: Redis unavailable, answered 503 so the phone retries")]
    private static partial void LogRedisDown(ILogger logger, Exception exception, string @event, string eventId);
}
