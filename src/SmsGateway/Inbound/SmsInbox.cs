using System.Text.RegularExpressions;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Phones;
using SmsGateway.Sending;
using StackExchange.Redis;

namespace SmsGateway.Inbound;

/// <summary>
/// The one inbound pipeline every provider's webhook (and the simulator) feeds: de-duplicate on the
/// provider's message id, normalise the sender, take one conversation step, and send the replies back
/// by the route the provider needs. A retried webhook gets the same replies and no second step.
/// </summary>
public sealed partial class SmsInbox(
    ConversationEngine engine,
    SmsSender sender,
    DeliveryStore deliveries,
    InboundLedger ledger,
    ILogger<SmsInbox> logger)
{
    /// <exception cref="RedisException">Redis is unreachable: nothing was accepted, the webhook should answer 503.</exception>
    public async Task<InboundResult> ReceiveAsync(SmsInbound inbound, ReplyRoute route, CancellationToken cancellationToken = default)
    {
        if (await ledger.ClaimAsync(inbound.Provider, inbound.MessageId, cancellationToken) is { } earlier)
        {
            if (earlier.Disposition == InboundDisposition.Duplicate)
            {
                LogRepeat(logger, inbound.Provider, inbound.MessageId);
            }
            return earlier;
        }

        try
        {
            var address = Address(inbound.From);
            if (address is null)
            {
                var masked = PhoneMask.Mask(inbound.From);
                LogIgnoredSender(logger, inbound.Provider, inbound.MessageId, masked);
                await ledger.CompleteAsync(inbound.Provider, inbound.MessageId, []);
                return InboundResult.IgnoredSender;
            }

            var replies = await engine.HandleAsync(new InboundMessage(Channel.Sms, address, inbound.Text, inbound.ReceivedAt, inbound.MessageId), cancellationToken);
            var texts = new List<string>(replies.Count);
            var ids = new List<string>(replies.Count);
            foreach (var reply in replies)
            {
                var delivery = route == ReplyRoute.Outbox
                    ? await sender.EnqueueAsync(address, reply.Text, DeliveryKind.Reply)
                    : await deliveries.RecordSentAsync(sender.Prepare(address, reply.Text, DeliveryKind.Reply), inbound.Provider);
                texts.Add(delivery.Text);
                ids.Add(delivery.Id);
            }
            await ledger.CompleteAsync(inbound.Provider, inbound.MessageId, texts, ids);
            return new InboundResult(InboundDisposition.Handled, texts) { DeliveryIds = ids };
        }
        catch
        {
            // Not recorded as handled: the provider's retry gets a fresh attempt.
            await ledger.ReleaseAsync(inbound.Provider, inbound.MessageId);
            throw;
        }
    }

    /// <summary>The E.164 number to answer, or null for a sender that is not a phone number.</summary>
    public static string? Address(string? from)
    {
        if (VietnamPhoneNumber.TryNormalize(from, out var e164))
        {
            return e164;
        }
        // Another country's number in E.164 (a Twilio deployment abroad) is answered as it is.
        return from is not null && ForeignE164().IsMatch(from) ? from : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider} message {MessageId} from non-phone sender {From} ignored")]
    private static partial void LogIgnoredSender(ILogger logger, string provider, string messageId, string from);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider} message {MessageId} is a repeat; answered as before")]
    private static partial void LogRepeat(ILogger logger, string provider, string messageId);

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex ForeignE164();
}
