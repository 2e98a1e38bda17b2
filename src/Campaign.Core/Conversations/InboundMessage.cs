namespace Campaign.Core.Conversations;

/// <summary>What a resident wrote, as every channel hands it to the engine.</summary>
/// <param name="Channel">Where it came from.</param>
/// <param name="Address">The resident's address on that channel: E.164 phone for SMS, the channel's user id otherwise.</param>
/// <param name="Text">The text as received (may be empty: a sticker, an image).</param>
/// <param name="ReceivedAt">When the channel received it.</param>
/// <param name="MessageId">The channel's id for the message (MessageSid, mid ...), kept as consent evidence.</param>
public sealed record InboundMessage(Channel Channel, string Address, string Text, DateTimeOffset ReceivedAt, string? MessageId = null);
