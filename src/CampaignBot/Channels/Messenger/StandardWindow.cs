using Campaign.Core.Conversations;
using Campaign.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace CampaignBot.Channels.Messenger;

/// <summary>
/// Messenger's standard messaging window: a Page may message a resident for <see cref="MessengerOptions.StandardWindow"/>
/// (24 h) after the resident last wrote, which <see cref="Subscriber.LastInboundAt"/> records on every
/// inbound message. The campaign pipeline asks this before queuing a push; the sender asks it again
/// before calling Meta, so a reply that waited too long is skipped rather than refused by Meta.
/// </summary>
public sealed class StandardWindow(SubscriberStore subscribers, IOptions<MessengerOptions> options, TimeProvider time)
{
    public TimeSpan Length => options.Value.StandardWindow;

    /// <summary>True while a message to someone who last wrote at <paramref name="lastInboundAt"/> is allowed.</summary>
    public bool IsOpen(DateTimeOffset? lastInboundAt) =>
        lastInboundAt is { } last && time.GetUtcNow() - last <= Length;

    /// <summary>When the resident with this PSID last wrote, or null if they never did (or are unknown).</summary>
    /// <exception cref="StackExchange.Redis.RedisException">Redis is unreachable.</exception>
    public async Task<DateTimeOffset?> LastInboundAtAsync(string psid) =>
        (await subscribers.FindAsync(Channel.Messenger, psid))?.LastInboundAt;
}
