namespace Campaign.Core.Delivery;

/// <summary>What a provider is asked to send: already rendered, addressed, and with our delivery id for idempotency.</summary>
/// <param name="DeliveryId">Ours; providers that accept an idempotency key get this.</param>
/// <param name="Address">E.164 for SMS, the channel's user id otherwise.</param>
/// <param name="Text">The final text.</param>
public sealed record OutgoingMessage(string DeliveryId, string Address, string Text);
