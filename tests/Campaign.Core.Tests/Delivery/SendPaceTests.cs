using Campaign.Core.Delivery;
using Campaign.Core.Redis;
using Campaign.TestSupport;

namespace Campaign.Core.Tests.Delivery;

/// <summary>The shared token bucket: a burst goes at once, then one turn per interval, across every pace object on the same key.</summary>
[Collection(UsesRedis.Name)]
public sealed class SendPaceTests(RedisServer redis)
{
    [Fact]
    public async Task A_burst_goes_at_once_then_each_caller_waits_its_turn_across_instances()
    {
        var keys = new RedisKeys(redis.NewPrefix());
        // 6 a minute: one turn every 10 s, three at once. Two objects stand for two instances.
        var a = new SendPace(redis.Connection, keys, "twilio", 6, TimeProvider.System, burst: 3);
        var b = new SendPace(redis.Connection, keys, "twilio", 6, TimeProvider.System, burst: 3);

        var waits = new[] { await a.ReserveAsync(), await b.ReserveAsync(), await a.ReserveAsync(), await b.ReserveAsync(), await a.ReserveAsync() };

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero], waits[..3]);
        Assert.InRange(waits[3], TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(10));     // the 4th waits about one interval
        Assert.InRange(waits[4], TimeSpan.FromSeconds(19), TimeSpan.FromSeconds(20));    // the 5th about two
        var other = await new SendPace(redis.Connection, keys, "android", 6, TimeProvider.System).ReserveAsync();
        Assert.Equal(TimeSpan.Zero, other);   // each provider has its own bucket
    }

    [Fact]
    public void Configured_limits_give_one_shared_pace_per_provider_and_none_for_the_others()
    {
        var limits = new ProviderRateLimits(redis.Connection, new RedisKeys(redis.NewPrefix()), TimeProvider.System,
            new Dictionary<string, ProviderRate> { ["twilio"] = new() { MessagesPerMinute = 600, Burst = 10 } });

        var pace = limits.For("twilio");
        Assert.Same(pace, limits.For("twilio"));
        Assert.Equal((600, 10), (pace!.MessagesPerMinute, pace.Burst));
        Assert.Null(limits.For("messenger"));
    }
}
