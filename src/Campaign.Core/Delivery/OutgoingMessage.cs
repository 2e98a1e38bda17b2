using Campaign.Core.Conversations;

namespace Campaign.Core.Delivery;

/// <summary>What a provider is asked to send: already rendered, addressed, and with our delivery id for idempotency.</summary>
/// <param name="DeliveryId">Ours; providers that accept an idempotency key get this.</param>
/// <param name="Address">E.164 for SMS, the channel's user id (or stored conversation reference key) otherwise.</param>
/// <param name="Text">The final text.</param>
/// <param name="Choices">Options chat channels render as buttons or quick replies (SMS lists them in the text).</param>
public sealed record OutgoingMessage(string DeliveryId, string Address, string Text, IReadOnlyList<ReplyChoice>? Choices = null);
