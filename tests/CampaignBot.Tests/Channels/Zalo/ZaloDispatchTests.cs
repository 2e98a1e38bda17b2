using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;
using CampaignBot.Channels.Zalo;

namespace CampaignBot.Tests.Channels.Zalo;

/// <summary>End to end: a campaign message queued in the Zalo outbox, sent by the bot's own dispatcher through the Zalo sender to the stub.</summary>
[Collection(UsesRedis.Name)]
public sealed class ZaloDispatchTests(RedisServer redis)
{
    /// <summary>
    /// name; the consultation API's answer (HTTP status, body); the token endpoint's ("ok" or "refused");
    /// where the delivery ends and its error code; whether sending to Zalo is paused afterwards.
    /// </summary>
    public static TheoryData<string, int, string, string, DeliveryStatus, string?, bool> Sends() => new()
    {
        { "sent, with Zalo's message id", 200, ZaloBot.Sent("zmsg-1"), "ok", DeliveryStatus.Sent, null, false },
        { "HTTP 500: back to queued for a retry", 500, "Internal Server Error", "ok", DeliveryStatus.Queued, "http_500", false },
        { "-230 outside the consultation window: skipped", 200, ZaloBot.Error(-230, "User has not interacted with the OA in the past 7 days"), "ok", DeliveryStatus.Skipped, "outside_window", false },
        { "-213 not following: skipped", 200, ZaloBot.Error(-213, "User has not followed OA"), "ok", DeliveryStatus.Skipped, "outside_window", false },
        { "-216 and the refresh refused: kept queued, Zalo paused", 200, ZaloBot.Error(-216, "Access token is invalid"), "refused", DeliveryStatus.Queued, "-14014", true },
        { "-201 invalid: failed", 200, ZaloBot.Error(-201, "user_id is invalid!"), "ok", DeliveryStatus.Failed, "-201", false },
    };

    [Theory]
    [MemberData(nameof(Sends))]
    public async Task Send(string name, int status, string body, string refresh, DeliveryStatus deliveryStatus, string? errorCode, bool paused)
    {
        await using var bot = await ZaloBot.StartAsync(redis);
        bot.Send = _ => StubResponse.Json(status, body);
        if (refresh == "refused")
        {
            bot.Refresh = _ => StubResponse.Json(200, """{"error":-14014,"error_name":"Invalid parameter","error_description":"refresh token is invalid"}""");
        }
        var user = ZaloBot.NewUserId();
        var now = DateTimeOffset.UtcNow;
        var (subscriber, _) = await bot.Subscribers.TouchAsync(Channel.Zalo, user, now);
        await bot.Subscribers.SubscribeAsync(subscriber, new Consent(now, "zalo:follow", "test"));

        var queued = await bot.Deliveries.EnqueueAsync(new Delivery
        {
            Id = Delivery.NewId(),
            Channel = Channel.Zalo,
            Address = user,
            Text = "Tuần này xã tổ chức hướng dẫn cài VNeID tại nhà văn hoá.",
            Kind = DeliveryKind.Campaign,
            SubscriberId = subscriber.Id,
        });
        var delivery = await bot.WaitForDeliveryAsync(queued.Id, d => d.Attempts >= 1 && d.Status == deliveryStatus);

        Assert.True(delivery.Status == deliveryStatus, $"[{name}] delivery {delivery.Status}");
        Assert.Equal(ZaloSender.ProviderName, delivery.Provider);
        Assert.Equal(errorCode, delivery.ErrorCode);
        if (deliveryStatus == DeliveryStatus.Sent)
        {
            Assert.Equal("zmsg-1", delivery.ProviderMessageId);
        }
        Assert.Equal(paused, bot.Host.Get<ProviderHealth>().Problem(ZaloSender.ProviderName) is not null);
        var sent = Assert.Single(bot.MessagesTo(user));
        Assert.Equal(queued.Text, ZaloBot.TextOf(sent));
        Assert.Equal(SubscriberStatus.Subscribed, await bot.StatusAsync(user)); // none of these answers changes the resident
    }
}
