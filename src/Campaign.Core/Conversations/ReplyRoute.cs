namespace Campaign.Core.Conversations;

/// <summary>How the answer to an inbound message goes back.</summary>
public enum ReplyRoute
{
    /// <summary>Queued in the outbox and sent by the dispatcher (Android gateway, simulator, Zalo, Messenger, Bot Framework).</summary>
    Outbox,

    /// <summary>Returned in the request's own response (Twilio TwiML, the web chat page) and recorded as sent.</summary>
    Inline,
}
