namespace SmsGateway.Inbound;

/// <summary>An SMS a resident sent, as any provider's webhook reports it.</summary>
/// <param name="Provider">The provider's name; with <paramref name="MessageId"/> it identifies the message for de-duplication.</param>
/// <param name="MessageId">The provider's id (Twilio MessageSid, the Android webhook event id ...).</param>
/// <param name="From">The sender as the provider wrote it (normalised here).</param>
/// <param name="Text">The message text.</param>
/// <param name="ReceivedAt">When the provider received it.</param>
public sealed record SmsInbound(string Provider, string MessageId, string From, string Text, DateTimeOffset ReceivedAt);
