namespace Campaign.Core.Delivery;

/// <summary>What a provider call came to, in the terms the dispatcher acts on.</summary>
public enum SendOutcome
{
    /// <summary>The provider took the message; receipts follow.</summary>
    Accepted,

    /// <summary>Refused for good (invalid number, content rejected): never retried.</summary>
    Rejected,

    /// <summary>The recipient has blocked us at the provider (Twilio 21610): refused, and the subscriber is opted out.</summary>
    RecipientOptedOut,

    /// <summary>Not processed, safe to try again (rate limited, provider 5xx, connection refused).</summary>
    RetryLater,

    /// <summary>Our credentials were refused: stop using this provider until it is fixed.</summary>
    Unauthorized,

    /// <summary>The channel only allows this message inside a window since the resident last wrote (Messenger 24 h, Zalo consultation): skipped.</summary>
    OutsideWindow,

    /// <summary>The call may have reached the provider (timeout after sending): not retried blindly.</summary>
    Unknown,
}
