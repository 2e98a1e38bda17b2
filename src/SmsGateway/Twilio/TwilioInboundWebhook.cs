using Campaign.Core.Conversations;
using Campaign.Core.Phones;
using SmsGateway.Inbound;
using SmsGateway.Sending;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace SmsGateway.Twilio;

/// <summary>
/// POST /sms/twilio/inbound: a resident's SMS to our Twilio number. One conversation step through
/// <see cref="SmsInbox"/>, answered inline as TwiML so the replies need no API call; a repeated
/// MessageSid gets the same TwiML again.
/// </summary>
public sealed partial class TwilioInboundWebhook(
    TwilioWebhook webhook, SmsInbox inbox, IOptions<TwilioOptions> options, TimeProvider time, ILogger<TwilioInboundWebhook> logger)
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
        if (form["From"] is not { Length: > 0 } from)
        {
            return TwilioWebhook.MissingField("From");
        }
        var body = form["Body"] ?? ""; // an empty SMS still gets an answer

        InboundResult result;
        try
        {
            // Not the request's token: once started, the step finishes and is remembered even if Twilio hangs up.
            result = await inbox.ReceiveAsync(
                new SmsInbound(SmsProviderOptions.Twilio, messageSid, from, body, time.GetUtcNow()), ReplyRoute.Inline, CancellationToken.None);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            var masked = PhoneMask.Mask(from);
            LogRedisDown(logger, ex, messageSid, masked);
            return TwilioWebhook.TryLater(context, "storage unavailable; try again");
        }

        if (result.Disposition == InboundDisposition.InProgress)
        {
            return TwilioWebhook.TryLater(context, $"message {messageSid} is being handled; try again");
        }
        // Each reply asks for its own status callbacks, so inline replies reach "delivered" like API sends.
        var callbacks = result.DeliveryIds.Select(options.Value.StatusCallbackFor).ToArray();
        return Results.Content(Twiml.Messages(result.Replies, callbacks), Twiml.ContentType);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Twilio message {MessageSid} from {From} not handled: Redis unavailable")]
    private static partial void LogRedisDown(ILogger logger, Exception exception, string messageSid, string from);
}
