using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Text;

namespace SmsGateway.Sending;

/// <summary>
/// The way into the SMS outbox: every outgoing SMS is rendered here (marks policy, segment limit)
/// and stored as a queued delivery with its segment count, then the dispatcher sends it.
/// </summary>
public sealed class SmsSender(SmsRenderer renderer, DeliveryStore deliveries)
{
    /// <summary>Renders and queues one SMS; the returned delivery carries the final text and its cost.</summary>
    public Task<Delivery> EnqueueAsync(string e164, string text, DeliveryKind kind, long? subscriberId = null) =>
        deliveries.EnqueueAsync(Prepare(e164, text, kind, subscriberId));

    /// <summary>The delivery for a rendered SMS, not yet stored.</summary>
    public Delivery Prepare(string e164, string text, DeliveryKind kind, long? subscriberId = null)
    {
        var sms = renderer.Render(text);
        return new Delivery
        {
            Id = Delivery.NewId(),
            Channel = Channel.Sms,
            Address = e164,
            Text = sms.Text,
            Kind = kind,
            Segments = sms.Segments,
            Encoding = sms.Encoding.ToDisplayName(),
            SubscriberId = subscriberId,
        };
    }
}
