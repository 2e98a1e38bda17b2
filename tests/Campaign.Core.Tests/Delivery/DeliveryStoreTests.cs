using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.TestSupport;

namespace Campaign.Core.Tests.Delivery;

[Collection(UsesRedis.Name)]
public sealed class DeliveryStoreTests(RedisServer redis)
{
    [Fact]
    public async Task Enqueue_stores_the_delivery_and_puts_it_in_the_outbox_together()
    {
        var f = new DeliveryFixture(redis);
        var d = await f.Store.EnqueueAsync(DeliveryFixture.NewSms(text: "Nhan DK de dang ky", segments: 1));

        var stored = await f.GetAsync(d.Id);
        Assert.NotNull(stored);
        Assert.Equal(DeliveryStatus.Queued, stored.Status);
        Assert.Equal("Nhan DK de dang ky", stored.Text);
        Assert.Equal(1, stored.Segments);
        Assert.Equal("+84912345678", stored.Address);
        await f.Outbox.EnsureGroupAsync();
        var entry = Assert.Single(await f.Outbox.ReadAsync("c1", 10));
        Assert.Equal(d.Id, entry.DeliveryId);
    }

    public static TheoryData<string, DeliveryStatus[], DeliveryStatus> Receipts => new()
    {
        { "in order", [DeliveryStatus.Sent, DeliveryStatus.Delivered], DeliveryStatus.Delivered },
        { "delivered before sent", [DeliveryStatus.Delivered, DeliveryStatus.Sent], DeliveryStatus.Delivered },
        { "repeated delivered (one per part)", [DeliveryStatus.Delivered, DeliveryStatus.Delivered, DeliveryStatus.Delivered], DeliveryStatus.Delivered },
        { "failed after a part was delivered", [DeliveryStatus.Delivered, DeliveryStatus.Failed], DeliveryStatus.Failed },
        { "delivered after failed", [DeliveryStatus.Failed, DeliveryStatus.Delivered], DeliveryStatus.Failed },
        { "undelivered then sent", [DeliveryStatus.Undelivered, DeliveryStatus.Sent], DeliveryStatus.Undelivered },
        { "read after delivered", [DeliveryStatus.Delivered, DeliveryStatus.Read], DeliveryStatus.Read },
    };

    [Theory]
    [MemberData(nameof(Receipts))]
    public async Task Receipts_only_move_a_delivery_forward(string name, DeliveryStatus[] receipts, DeliveryStatus expected)
    {
        _ = name;
        var f = new DeliveryFixture(redis);
        var d = await f.Store.EnqueueAsync(DeliveryFixture.NewSms());
        foreach (var status in receipts)
        {
            await f.Store.ApplyReceiptAsync(d.Id, status, null, null);
        }
        Assert.Equal(expected, (await f.GetAsync(d.Id))!.Status);
    }

    [Fact]
    public async Task A_stale_receipt_says_so_and_an_unknown_delivery_is_reported()
    {
        var f = new DeliveryFixture(redis);
        var d = await f.Store.EnqueueAsync(DeliveryFixture.NewSms());
        Assert.Equal(ReceiptResult.Applied, await f.Store.ApplyReceiptAsync(d.Id, DeliveryStatus.Delivered, null, null));
        Assert.Equal(ReceiptResult.Stale, await f.Store.ApplyReceiptAsync(d.Id, DeliveryStatus.Sent, null, null));
        Assert.Equal(ReceiptResult.UnknownDelivery, await f.Store.ApplyReceiptAsync("nope", DeliveryStatus.Sent, null, null));
    }

    [Fact]
    public async Task Only_one_claim_wins()
    {
        var f = new DeliveryFixture(redis);
        var d = await f.Store.EnqueueAsync(DeliveryFixture.NewSms());
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => f.Store.TryStartSendingAsync(d.Id, "fake")));
        Assert.Single(claims, c => c);
        var stored = await f.GetAsync(d.Id);
        Assert.Equal(DeliveryStatus.Sending, stored!.Status);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task Accepted_messages_are_indexed_by_provider_id_and_counted_for_cost()
    {
        var f = new DeliveryFixture(redis);
        var d = await f.Store.EnqueueAsync(DeliveryFixture.NewSms(segments: 2));
        await f.Store.TryStartSendingAsync(d.Id, "fake");
        await f.Store.MarkAcceptedAsync(d with { Provider = "fake" }, "SM123");

        Assert.Equal(d.Id, await f.Store.FindByProviderIdAsync("fake", "SM123"));
        var stored = await f.GetAsync(d.Id);
        Assert.Equal(DeliveryStatus.Sent, stored!.Status);
        Assert.Equal("SM123", stored.ProviderMessageId);
        // 09:00 UTC is 16:00 in Vietnam, the same day.
        Assert.Equal((1, 2), await f.Store.GetDailyUsageAsync(Channel.Sms, new DateOnly(2026, 11, 23)));
    }
}
