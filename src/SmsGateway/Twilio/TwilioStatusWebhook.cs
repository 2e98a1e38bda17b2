using Campaign.Core.Delivery;
using SmsGateway.Sending;
using StackExchange.Redis;

namespace SmsGateway.Twilio;

/// <summary>
/// POST /sms/twilio/status?d={deliveryId}: Twilio's status callback for a message we sent. The
/// delivery is found by our id in the (signed) query, so a callback racing our own record of the
/// MessageSid still lands; receipts only move a delivery forward, so out-of-order callbacks are harmless.
/// </summary>
public sealed partial class TwilioStatusWebhook(TwilioWebhook webhook, DeliveryStore deliveries, ILogger<TwilioStatusWebhook> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (form, refusal) = await webhook.ReadAsync(context);
        if (form is null)
        {
            return refusal!;
        }
        if (form["MessageSid"] is not { Length: > 0 } messageSid)
        {
            return TwilioWebhook.MissingField("MessageSid");
        }
        if (form["MessageStatus"] is not { Length: > 0 } messageStatus)
        {
            return TwilioWebhook.MissingField("MessageStatus");
        }
        if (!TwilioMessageStatus.TryMap(messageStatus, out var status))
        {
            return TwilioWebhook.Refuse(StatusCodes.Status400BadRequest, $"unknown MessageStatus '{messageStatus}'");
        }
        if (status is not { } reached)
        {
            return Results.Ok(); // a status that records nothing (queued, sending ...)
        }

        var deliveryId = context.Request.Query[TwilioRoutes.DeliveryQuery].ToString();
        var errorCode = form["ErrorCode"];
        try
        {
            var result = ReceiptResult.UnknownDelivery;
            if (deliveryId.Length > 0)
            {
                result = await deliveries.ApplyReceiptAsync(deliveryId, reached, errorCode, null);
            }
            if (result == ReceiptResult.UnknownDelivery
                && await deliveries.FindByProviderIdAsync(SmsProviderOptions.Twilio, messageSid) is { } byMessageSid
                && byMessageSid != deliveryId)
            {
                deliveryId = byMessageSid;
                result = await deliveries.ApplyReceiptAsync(byMessageSid, reached, errorCode, null);
            }

            var statusKey = reached.Key();
            if (result == ReceiptResult.UnknownDelivery)
            {
                // Expired or not ours; an error would only make Twilio report failures we cannot fix.
                LogUnknownDelivery(logger, messageSid, statusKey);
            }
            else
            {
                var outcome = result.ToString();
                LogReceipt(logger, messageSid, deliveryId, statusKey, outcome);
            }
            return Results.Ok();
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            LogRedisDown(logger, ex, messageSid);
            return TwilioWebhook.TryLater(context, "storage unavailable; try again");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Twilio status {Status} for {MessageSid} matches no delivery; ignored")]
    private static partial void LogUnknownDelivery(ILogger logger, string messageSid, string status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Twilio status for {MessageSid} (delivery {Delivery}): {Status} {Outcome}")]
    private static partial void LogReceipt(ILogger logger, string messageSid, string delivery, string status, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Twilio status for {MessageSid} not recorded: Redis unavailable")]
    private static partial void LogRedisDown(ILogger logger, Exception exception, string messageSid);
}
