namespace SmsGateway.Inbound;

/// <summary>How the answer to an inbound SMS goes back.</summary>
public enum ReplyRoute
{
    /// <summary>Queued in the outbox and sent by the dispatcher (Android gateway, simulator).</summary>
    Outbox,

    /// <summary>Returned in the webhook's own response (Twilio TwiML) and recorded as sent.</summary>
    Inline,
}
