namespace Campaign.Core.Delivery;

/// <summary>A provider's send call. Implementations map every answer to a <see cref="SendResult"/> and never throw for a provider error.</summary>
public interface IMessageSender
{
    /// <summary>The provider's name as stored with deliveries ("twilio", "android", "simulator" ...).</summary>
    string Name { get; }

    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
