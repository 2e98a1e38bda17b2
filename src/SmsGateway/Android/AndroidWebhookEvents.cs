using Campaign.Core.Delivery;

namespace SmsGateway.Android;

/// <summary>The webhook events this gateway registers on the phone, and what each receipt means for a delivery.</summary>
public static class AndroidWebhookEvents
{
    public const string Received = "sms:received";
    public const string Sent = "sms:sent";
    public const string Delivered = "sms:delivered";
    public const string Failed = "sms:failed";
    public const string Cancelled = "sms:cancelled";

    /// <summary>Register one webhook per event on the phone (the app takes one event per webhook).</summary>
    public static readonly string[] Registered = [Received, Sent, Delivered, Failed, Cancelled];

    /// <summary>
    /// The status a receipt moves its delivery to, or null for events that are not receipts
    /// (<c>system:ping</c>, <c>app:started</c>, data SMS, MMS ...). <c>sms:delivered</c> comes once per
    /// part of a long SMS; the store only moves forward, so the repeats change nothing.
    /// </summary>
    public static DeliveryStatus? ReceiptStatus(string eventName) => eventName switch
    {
        Sent => DeliveryStatus.Sent,
        Delivered => DeliveryStatus.Delivered,
        Failed or Cancelled => DeliveryStatus.Failed,
        _ => null,
    };
}
