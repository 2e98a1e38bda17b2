using Campaign.Core.Conversations;
using Campaign.Core.Redis;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;

namespace Campaign.Core.Tests.Subscribers;

[Collection(UsesRedis.Name)]
public sealed class SubscriberStoreTests(RedisServer redis)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task The_last_interaction_only_moves_forward()
    {
        var store = new SubscriberStore(redis.Connection, new RedisKeys(redis.NewPrefix()));
        await store.TouchAsync(Channel.Messenger, "psid-1", Monday);
        await store.TouchAsync(Channel.Messenger, "psid-1", Monday.AddHours(5));
        // A provider retrying yesterday's event hours later must not shorten the resident's window.
        var (late, created) = await store.TouchAsync(Channel.Messenger, "psid-1", Monday.AddHours(-20));

        Assert.False(created);
        Assert.Equal(Monday.AddHours(5), late.LastInboundAt);
    }

    [Fact]
    public async Task The_same_address_on_two_channels_is_two_subscribers()
    {
        var store = new SubscriberStore(redis.Connection, new RedisKeys(redis.NewPrefix()));
        var (zalo, _) = await store.TouchAsync(Channel.Zalo, "12345", Monday);
        var (messenger, _) = await store.TouchAsync(Channel.Messenger, "12345", Monday);
        Assert.NotEqual(zalo.Id, messenger.Id);
    }
}
