using Campaign.Core.Delivery;

namespace SmsGateway.Twilio;

/// <summary>A status callback's <c>MessageStatus</c> in our delivery terms.</summary>
public static class TwilioMessageStatus
{
    /// <summary>
    /// False for a value Twilio does not define. True otherwise, with <paramref name="status"/> null
    /// for statuses that record nothing: queued/accepted/scheduled/sending are where a delivery already
    /// stands once Twilio took it; receiving/received describe inbound messages; partially_delivered
    /// is not a state a single SMS reaches.
    /// </summary>
    public static bool TryMap(string value, out DeliveryStatus? status)
    {
        var name = value.ToLowerInvariant();
        status = name switch
        {
            "sent" => DeliveryStatus.Sent,
            "delivered" => DeliveryStatus.Delivered,
            "undelivered" => DeliveryStatus.Undelivered,
            "failed" => DeliveryStatus.Failed,
            "read" => DeliveryStatus.Read,
            "canceled" => DeliveryStatus.Failed, // a scheduled message withdrawn: it will never go out
            _ => null,
        };
        return status is not null || name is "queued" or "accepted" or "scheduled" or "sending"
            or "receiving" or "received" or "partially_delivered";
    }
}
