using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Subscribers;

namespace CampaignBot.Channels.Zalo;

/// <summary>
/// Follow and unfollow events. Following the OA is the resident's consent to its messages, so a follow
/// subscribes them with the event as evidence ("zalo:follow") and queues the "subscribed" reply; an
/// unfollow opts them out ("zalo:unfollow") with no reply, since Zalo would not deliver one.
/// <para>
/// Not routed through the conversation engine as a "DK" message: the engine would record the consent
/// as a typed subscribe command with a message id, and a follow is neither.
/// </para>
/// Providers retry webhooks, so each event is handled once, keyed on event, follower and timestamp.
/// </summary>
public sealed class ZaloFollowers(
    SubscriberStore subscribers,
    DeliveryStore deliveries,
    InboundLedger ledger,
    ContentStore content,
    ReplyComposer composer)
{
    private static readonly string Source = Channel.Zalo.Key();

    /// <exception cref="StackExchange.Redis.RedisException">Nothing was recorded; the provider should retry.</exception>
    public Task<InboundResult> FollowAsync(ZaloEvent follow, string followerId, DateTimeOffset at) =>
        OnceAsync(follow, followerId, async () =>
        {
            var (subscriber, _) = await subscribers.TouchAsync(Channel.Zalo, followerId, at);
            var change = await subscribers.SubscribeAsync(subscriber, new Consent(at, "zalo:follow", Evidence(follow)));
            var replyId = change.Previous switch
            {
                SubscriberStatus.Subscribed => ReplyId.AlreadySubscribed,
                SubscriberStatus.OptedOut => ReplyId.OptedBackIn,
                _ => ReplyId.Subscribed,
            };
            var current = content.Current;
            var areaName = change.Subscriber.AreaCode is { } code && current.Areas.Find(code) is { } area ? area.Name : "";
            var reply = composer.Compose(current, replyId, Channel.Zalo, change.Subscriber, new Dictionary<string, string> { ["area"] = areaName });
            await deliveries.EnqueueAsync(new Delivery
            {
                Id = Delivery.NewId(),
                Channel = Channel.Zalo,
                Address = followerId,
                Text = reply.Text,
                Choices = reply.Choices,
                Kind = DeliveryKind.Reply,
                SubscriberId = subscriber.Id,
            });
            return [reply.Text];
        });

    /// <exception cref="StackExchange.Redis.RedisException">Nothing was recorded; the provider should retry.</exception>
    public Task<InboundResult> UnfollowAsync(ZaloEvent unfollow, string followerId, DateTimeOffset at) =>
        OnceAsync(unfollow, followerId, async () =>
        {
            // Found, not touched: leaving is not an interaction that opens the consultation window.
            if (await subscribers.FindAsync(Channel.Zalo, followerId) is { Status: not SubscriberStatus.OptedOut } subscriber)
            {
                await subscribers.OptOutAsync(subscriber, new Consent(at, "zalo:unfollow", Evidence(unfollow)));
            }
            return [];
        });

    private async Task<InboundResult> OnceAsync(ZaloEvent e, string followerId, Func<Task<IReadOnlyList<string>>> handle)
    {
        var key = $"{e.EventName}:{followerId}:{e.Timestamp}";
        if (await ledger.ClaimAsync(Source, key) is { } earlier)
        {
            return earlier;
        }
        try
        {
            var replies = await handle();
            await ledger.CompleteAsync(Source, key, replies);
            return new InboundResult(InboundDisposition.Handled, replies);
        }
        catch
        {
            await ledger.ReleaseAsync(Source, key);
            throw;
        }
    }

    /// <summary>What the consent record keeps: the event, when Zalo says it happened, the OA and where the follow came from.</summary>
    private static string Evidence(ZaloEvent e) =>
        $"{e.EventName} event at {e.Timestamp}" + (e.OaId is { } oa ? $", oa {oa}" : "") + (e.Source is { } source ? $", source {source}" : "");
}
