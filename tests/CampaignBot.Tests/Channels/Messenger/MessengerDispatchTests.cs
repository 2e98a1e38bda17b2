using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Channels.Messenger;

/// <summary>End to end: a reply queued in the Messenger outbox, sent by the bot's own dispatcher through <c>MessengerSender</c> to the stub Graph API, and recorded.</summary>
[Collection(UsesRedis.Name)]
public sealed class MessengerDispatchTests(RedisServer redis)
{
    /// <summary>name; the Send API's HTTP status and body; where the delivery ends; its error code; whether the provider is paused.</summary>
    public static TheoryData<string, int, string, DeliveryStatus, string?, bool> Sends() => new()
    {
        { "accepted: sent, with the message id", 200, MessengerBot.Sent, DeliveryStatus.Sent, null, false },
        { "190 invalid token: kept queued, provider paused", 400, MessengerSendTests.Error(190, "Invalid OAuth access token."), DeliveryStatus.Queued, "190", true },
        { "outside the window: skipped", 400, MessengerSendTests.Error(10, "(#10) This message is sent outside of allowed window.", 2018278), DeliveryStatus.Skipped, "outside_window", false },
        { "500: back in the queue for a retry", 500, "", DeliveryStatus.Queued, "http_500", false },
        { "613 rate limit: back in the queue", 400, MessengerSendTests.Error(613, "Calls to this api have exceeded the rate limit."), DeliveryStatus.Queued, "613", false },
        { "551 person unavailable: failed, and the resident opted out on Messenger", 400, MessengerSendTests.Error(551, "This person isn't available right now.", 1545041), DeliveryStatus.Failed, "551/1545041", false },
    };

    [Theory]
    [MemberData(nameof(Sends))]
    public async Task Send(string name, int status, string body, DeliveryStatus deliveryStatus, string? errorCode, bool paused)
    {
        await using var bot = await MessengerBot.StartAsync(redis);
        bot.Graph.Handler = _ => StubResponse.Json(status, body);
        var psid = MessengerBot.NewPsid();
        await bot.Subscribers.TouchAsync(Channel.Messenger, psid, DateTimeOffset.UtcNow);

        var queued = await bot.Deliveries.EnqueueAsync(new Delivery
        {
            Id = Delivery.NewId(),
            Channel = Channel.Messenger,
            Address = psid,
            Text = "Xin chào bà con, tuần này xã họp dân.",
            Choices = [new ReplyChoice("Định danh điện tử VNeID", "1")],
            Kind = DeliveryKind.Reply,
        });
        var delivery = await bot.WaitForDeliveryAsync(queued.Id, d => d.Attempts >= 1 && d.Status == deliveryStatus);

        Assert.True(delivery.Status == deliveryStatus, $"[{name}] delivery {delivery.Status}");
        Assert.Equal("messenger", delivery.Provider);
        Assert.Equal(errorCode, delivery.ErrorCode is "" ? null : delivery.ErrorCode);
        var call = Assert.Single(bot.SendsTo(psid));
        Assert.Equal(queued.Text, call.Text);
        Assert.Equal([("Định danh điện tử…", "1")], call.QuickReplies);
        if (deliveryStatus == DeliveryStatus.Sent)
        {
            Assert.StartsWith("m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM", delivery.ProviderMessageId, StringComparison.Ordinal);
        }
        Assert.Equal(paused, bot.Host.Get<ProviderHealth>().Problem("messenger") is not null);
    }

    /// <summary>A reply that waited past the standard window (the dispatcher was down a day) is skipped without calling Meta.</summary>
    [Fact]
    public async Task A_reply_past_the_standard_window_is_skipped_without_calling_Meta()
    {
        await using var bot = await MessengerBot.StartAsync(redis);
        var psid = MessengerBot.NewPsid();
        await bot.Subscribers.TouchAsync(Channel.Messenger, psid, DateTimeOffset.UtcNow.AddHours(-25));

        var queued = await bot.Deliveries.EnqueueAsync(new Delivery
        {
            Id = Delivery.NewId(),
            Channel = Channel.Messenger,
            Address = psid,
            Text = "Tin mới của xã",
            Kind = DeliveryKind.Reply,
        });
        var delivery = await bot.WaitForDeliveryAsync(queued.Id, d => d.Status == DeliveryStatus.Skipped);

        Assert.Equal("outside_window", delivery.ErrorCode);
        Assert.Empty(bot.Graph.Requests);
    }
}
