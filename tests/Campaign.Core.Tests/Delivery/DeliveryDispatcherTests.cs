using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;
using Moq;

namespace Campaign.Core.Tests.Delivery;

/// <summary>The dispatcher against a provider that answers each way it can (Moq), on real Redis and a fake clock.</summary>
[Collection(UsesRedis.Name)]
public sealed class DeliveryDispatcherTests(RedisServer redis)
{
    private static void Answer(DeliveryFixture f, SendResult result) =>
        f.Sender.Setup(s => s.SendAsync(It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync(result);

    public static TheoryData<string, SendResult, DeliveryStatus> Outcomes => new()
    {
        { "accepted", SendResult.Accepted("SM1"), DeliveryStatus.Sent },
        { "rejected", new SendResult(SendOutcome.Rejected, ErrorCode: "21211", Error: "invalid To"), DeliveryStatus.Failed },
        { "opted out at the provider", new SendResult(SendOutcome.RecipientOptedOut, ErrorCode: "21610"), DeliveryStatus.Failed },
        { "retry later", new SendResult(SendOutcome.RetryLater, ErrorCode: "20429"), DeliveryStatus.Queued },
        { "unauthorized", new SendResult(SendOutcome.Unauthorized, ErrorCode: "20003"), DeliveryStatus.Queued },
        { "unknown", new SendResult(SendOutcome.Unknown, Error: "timeout"), DeliveryStatus.Unknown },
        { "outside the channel's window", new SendResult(SendOutcome.OutsideWindow, ErrorCode: "outside_window"), DeliveryStatus.Skipped },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task Records_each_provider_outcome(string name, SendResult result, DeliveryStatus expected)
    {
        _ = name;
        var f = new DeliveryFixture(redis);
        Answer(f, result);
        var d = await f.Store.EnqueueAsync(DeliveryFixture.NewSms());

        Assert.Equal(1, await f.Dispatcher.RunOnceAsync("c1"));

        var stored = await f.GetAsync(d.Id);
        Assert.Equal(expected, stored!.Status);
        Assert.Equal(result.ErrorCode, stored.ErrorCode);
        Assert.Equal(0, (await f.Outbox.CountAsync()).Pending);
        f.Sender.Verify(s => s.SendAsync(It.Is<OutgoingMessage>(m => m.DeliveryId == d.Id && m.Address == d.Address && m.Text == d.Text), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_retry_waits_for_its_time_then_goes_again_and_gives_up_after_the_last_attempt()
    {
        var f = new DeliveryFixture(redis);
        Answer(f, new SendResult(SendOutcome.RetryLater, ErrorCode: "503", RetryAfter: TimeSpan.FromSeconds(30)));
        var d = await f.Store.EnqueueAsync(DeliveryFixture.NewSms());

        await f.Dispatcher.RunOnceAsync("c1");
        Assert.Equal(0, await f.Dispatcher.RunOnceAsync("c1")); // not due yet: the provider asked for 30 s
        f.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await f.Dispatcher.RunOnceAsync("c1"));
        Assert.Equal(DeliveryStatus.Queued, (await f.GetAsync(d.Id))!.Status);
        f.Time.Advance(TimeSpan.FromMinutes(1));
        await f.Dispatcher.RunOnceAsync("c1");

        var stored = await f.GetAsync(d.Id);
        Assert.Equal(DeliveryStatus.Failed, stored!.Status);
        Assert.Equal(3, stored.Attempts);
        Assert.Contains("gave up after 3 attempts", stored.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_credentials_pause_the_provider_and_keep_the_message()
    {
        var f = new DeliveryFixture(redis);
        Answer(f, new SendResult(SendOutcome.Unauthorized, ErrorCode: "20003", Error: "Authenticate"));
        var first = await f.Store.EnqueueAsync(DeliveryFixture.NewSms());
        await f.Dispatcher.RunOnceAsync("c1");
        Assert.NotNull(f.Health.Problem("fake"));

        // While paused, new messages are held, not sent and not failed.
        var second = await f.Store.EnqueueAsync(DeliveryFixture.NewSms(to: "+84987654321"));
        await f.Dispatcher.RunOnceAsync("c1");
        f.Sender.Verify(s => s.SendAsync(It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(DeliveryStatus.Queued, (await f.GetAsync(second.Id))!.Status);

        // Credentials fixed: after the pause both go out and the provider is healthy again.
        Answer(f, SendResult.Accepted("SM9"));
        f.Time.Advance(f.Options.UnauthorizedPause + TimeSpan.FromSeconds(1));
        await f.Dispatcher.RunOnceAsync("c1");
        Assert.Equal(DeliveryStatus.Sent, (await f.GetAsync(first.Id))!.Status);
        Assert.Equal(DeliveryStatus.Sent, (await f.GetAsync(second.Id))!.Status);
        Assert.Null(f.Health.Problem("fake"));
    }

    [Fact]
    public async Task A_provider_saying_the_recipient_unsubscribed_opts_the_subscriber_out()
    {
        var f = new DeliveryFixture(redis);
        var (subscriber, _) = await f.Subscribers.TouchAsync(Channel.Sms, "+84911111111", f.Time.GetUtcNow());
        await f.Subscribers.SubscribeAsync(subscriber, new Consent(f.Time.GetUtcNow(), "sms:subscribe", "DK"));
        Answer(f, new SendResult(SendOutcome.RecipientOptedOut, ErrorCode: "21610"));
        await f.Store.EnqueueAsync(DeliveryFixture.NewSms(to: "+84911111111"));

        await f.Dispatcher.RunOnceAsync("c1");

        Assert.True(await f.Subscribers.IsOptedOutAsync(subscriber.Id));
    }

    [Fact]
    public async Task A_delivery_left_mid_send_by_a_dead_dispatcher_is_unknown_and_never_sent_again()
    {
        var f = new DeliveryFixture(redis, new DispatcherOptions { AbandonedAfter = TimeSpan.Zero });
        var d = await f.Store.EnqueueAsync(DeliveryFixture.NewSms());
        // A dispatcher read it and claimed it, then the process died before recording the outcome.
        await f.Outbox.EnsureGroupAsync();
        Assert.Single(await f.Outbox.ReadAsync("dead", 10));
        Assert.True(await f.Store.TryStartSendingAsync(d.Id, "fake"));

        await f.Dispatcher.RunOnceAsync("alive");

        Assert.Equal(DeliveryStatus.Unknown, (await f.GetAsync(d.Id))!.Status);
        f.Sender.Verify(s => s.SendAsync(It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_queued_delivery_left_by_a_dead_dispatcher_is_sent_by_another()
    {
        var f = new DeliveryFixture(redis, new DispatcherOptions { AbandonedAfter = TimeSpan.Zero });
        Answer(f, SendResult.Accepted("SM2"));
        var d = await f.Store.EnqueueAsync(DeliveryFixture.NewSms());
        await f.Outbox.EnsureGroupAsync();
        Assert.Single(await f.Outbox.ReadAsync("dead", 10)); // read, never claimed

        await f.Dispatcher.RunOnceAsync("alive");

        Assert.Equal(DeliveryStatus.Sent, (await f.GetAsync(d.Id))!.Status);
    }

    [Fact]
    public async Task A_throwing_provider_leaves_the_outcome_unknown()
    {
        var f = new DeliveryFixture(redis);
        f.Sender.Setup(s => s.SendAsync(It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("reset"));
        var d = await f.Store.EnqueueAsync(DeliveryFixture.NewSms());

        await f.Dispatcher.RunOnceAsync("c1");

        Assert.Equal(DeliveryStatus.Unknown, (await f.GetAsync(d.Id))!.Status);
    }

    [Fact]
    public async Task Two_dispatchers_send_each_message_once()
    {
        var f = new DeliveryFixture(redis);
        Answer(f, SendResult.Accepted("SMx"));
        var other = new DeliveryDispatcher(f.Outbox, f.Sender.Object, f.Store, f.Subscribers, f.Health, f.Options, f.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<DeliveryDispatcher>.Instance);
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((await f.Store.EnqueueAsync(DeliveryFixture.NewSms(to: $"+849120000{i:00}"))).Id);
        }

        while (await Task.WhenAll(f.Dispatcher.RunOnceAsync("a"), other.RunOnceAsync("b")) is var counts && counts.Sum() > 0)
        {
        }

        foreach (var id in ids)
        {
            f.Sender.Verify(s => s.SendAsync(It.Is<OutgoingMessage>(m => m.DeliveryId == id), It.IsAny<CancellationToken>()), Times.Once);
            Assert.Equal(DeliveryStatus.Sent, (await f.GetAsync(id))!.Status);
        }
    }
}
