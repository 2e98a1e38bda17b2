namespace Campaign.Core.Delivery;

/// <summary>
/// A channel's send call (an SMS provider, the Zalo OA API, Messenger's Send API, the Bot Connector):
/// a text and its choices to a stored address. Implementations map every answer to a typed
/// <see cref="SendResult"/> and never throw for a provider error.
/// </summary>
public interface IChannelSender
{
    /// <summary>The provider's name as stored with deliveries ("twilio", "android", "simulator" ...).</summary>
    string Name { get; }

    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
