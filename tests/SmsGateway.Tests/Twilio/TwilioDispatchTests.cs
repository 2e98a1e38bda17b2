using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;
using SmsGateway.Sending;

namespace SmsGateway.Tests.Twilio;

/// <summary>End to end: an SMS queued with <see cref="SmsSender"/>, sent by the gateway's own dispatcher through the Twilio client to the stub API.</summary>
[Collection(UsesRedis.Name)]
public sealed class TwilioDispatchTests(RedisServer redis)
{
    /// <summary>name; Twilio's HTTP status and body; where the delivery ends; where the (subscribed) resident ends.</summary>
    public static TheoryData<string, int, string, DeliveryStatus, SubscriberStatus> Sends() => new()
    {
        { "accepted: sent, with its MessageSid", 201, TwilioSendTests.Created, DeliveryStatus.Sent, SubscriberStatus.Subscribed },
        { "21610: failed, and the resident is opted out", 400, TwilioSendTests.Error(21610, "Attempt to send to unsubscribed recipient", 400), DeliveryStatus.Failed, SubscriberStatus.OptedOut },
        { "21211: failed, the resident untouched", 400, TwilioSendTests.Error(21211, "The 'To' number is not a valid phone number.", 400), DeliveryStatus.Failed, SubscriberStatus.Subscribed },
    };

    [Theory]
    [MemberData(nameof(Sends))]
    public async Task Send(string name, int status, string body, DeliveryStatus deliveryStatus, SubscriberStatus subscriberStatus)
    {
        await using var gateway = await TwilioGateway.StartAsync(redis);
        gateway.Api.Handler = _ => StubResponse.Json(status, body);
        var number = TwilioGateway.NewNumber();
        var now = DateTimeOffset.UtcNow;
        var (subscriber, _) = await gateway.Subscribers.TouchAsync(Channel.Sms, number, now);
        await gateway.Subscribers.SubscribeAsync(subscriber, new Consent(now, "sms:subscribe", "test"));

        var queued = await gateway.Host.Get<SmsSender>().EnqueueAsync(number, "Xin chào bà con, tuần này xã họp dân.", DeliveryKind.Campaign, subscriber.Id);
        var delivery = await gateway.WaitForDeliveryAsync(queued.Id, d => d.Status == deliveryStatus);

        Assert.True(delivery.Status == deliveryStatus, $"[{name}] delivery {delivery.Status}");
        Assert.Equal("twilio", delivery.Provider);
        var form = Assert.Single(gateway.Api.Requests).Form;
        Assert.Equal(number, form["To"]);
        Assert.Equal(queued.Text, form["Body"]);
        Assert.Equal($"https://sms.example.test/sms/twilio/status?d={queued.Id}", form["StatusCallback"]);
        if (deliveryStatus == DeliveryStatus.Sent)
        {
            Assert.Equal("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", delivery.ProviderMessageId);
        }
        else
        {
            Assert.NotNull(delivery.ErrorCode);
            Assert.Contains(delivery.ErrorCode, body, StringComparison.Ordinal);
        }
        Assert.Equal(subscriberStatus, await gateway.SubscriberStatusAsync(number));
    }
}
