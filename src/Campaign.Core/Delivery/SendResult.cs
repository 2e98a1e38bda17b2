namespace Campaign.Core.Delivery;

/// <summary>A provider's answer to one send, typed.</summary>
/// <param name="Outcome">What to do next.</param>
/// <param name="ProviderMessageId">The provider's id (Twilio MessageSid ...), when accepted.</param>
/// <param name="ErrorCode">The provider's error code, as text.</param>
/// <param name="Error">The provider's error message, for the delivery record and logs.</param>
/// <param name="RetryAfter">How long the provider asked us to wait, when it said.</param>
public sealed record SendResult(SendOutcome Outcome, string? ProviderMessageId = null, string? ErrorCode = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static SendResult Accepted(string? providerMessageId) => new(SendOutcome.Accepted, providerMessageId);
}
