namespace CampaignBot.Channels.Messenger;

/// <summary>One entry of a webhook's <c>messaging</c> array, read for what the bot does with it.</summary>
/// <param name="Psid">The sender's page-scoped id (a string of digits), when there is one.</param>
/// <param name="Text">What goes to the engine: a quick reply's payload, else the message text, else a postback's payload; empty for an attachment.</param>
/// <param name="MessageId">The key the message is de-duplicated on: the <c>mid</c>, or sender and timestamp when Meta gives no mid.</param>
/// <param name="Timestamp">When the resident sent it (the event's <c>timestamp</c>, unix ms).</param>
/// <param name="Skipped">Why it is not handed to the engine (an echo, a delivery or read receipt, another event type); null when it is.</param>
public sealed record MessengerEvent(string? Psid, string Text, string MessageId, DateTimeOffset? Timestamp, string? Skipped = null)
{
    public bool IsInbound => Skipped is null;

    public static MessengerEvent Skip(string reason) => new(null, "", "", null, reason);
}
