namespace Campaign.Core.Delivery;

/// <summary>Why a message is being sent, for reporting and policies (quiet hours apply to pushes, not replies).</summary>
public enum DeliveryKind
{
    /// <summary>An answer to something the resident just wrote.</summary>
    Reply,

    /// <summary>A campaign push.</summary>
    Campaign,

    /// <summary>Sent by an operator by hand (<c>./campaign sms send</c>).</summary>
    Operator,
}
