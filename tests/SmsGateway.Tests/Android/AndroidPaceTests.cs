using Campaign.Core.Delivery;
using Campaign.TestSupport;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Android;
using StackExchange.Redis;

namespace SmsGateway.Tests.Android;

/// <summary>
/// One SIM, several gateway instances: each send reserves the next slot of the phone's shared pace
/// in Redis. Asserted on the slots reserved, never on how fast anything ran.
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class AndroidPaceTests(RedisServer redis)
{
    [Fact]
    public async Task Two_instances_reserve_consecutive_slots_one_interval_apart()
    {
        await using var android = await AndroidHarness.StartAsync(redis, new Dictionary<string, string?> { ["AndroidGateway:MessagesPerMinute"] = "60" });
        var thisInstance = android.Host.Get<SendPace>();
        var otherInstance = new SendPace(android.Host.Get<IConnectionMultiplexer>(), android.Keys, AndroidGatewayClient.ProviderName, 60, new FakeTimeProvider(DateTimeOffset.UtcNow));
        Assert.Equal(60, thisInstance.MessagesPerMinute);

        // The phone's next free slot is an hour away, so both callers must queue behind it whatever the machine's speed.
        var key = android.Keys.SendPace(AndroidGatewayClient.ProviderName);
        var nextFree = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds();
        await android.Redis.StringSetAsync(key, nextFree, TimeSpan.FromHours(2));
        using var stop = new CancellationTokenSource();

        var firstTurn = thisInstance.WaitTurnAsync(stop.Token);
        var afterFirst = await NextSlotAfterAsync(android.Redis, key, nextFree);
        var secondTurn = otherInstance.WaitTurnAsync(stop.Token);
        var afterSecond = await NextSlotAfterAsync(android.Redis, key, afterFirst);

        Assert.Equal(nextFree + 1000, afterFirst);   // the first took the free slot
        Assert.Equal(nextFree + 2000, afterSecond);  // the second took the one after it: 60 a minute, 1000 ms apart
        Assert.False(firstTurn.IsCompleted, "the first caller must wait for its slot");
        Assert.False(secondTurn.IsCompleted, "the second caller must wait for its own, later slot");

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firstTurn);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => secondTurn);
    }

    /// <summary>The pace key once a reservation has moved it past <paramref name="previous"/>.</summary>
    private static async Task<long> NextSlotAfterAsync(IDatabase db, string key, long previous)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var value = (long)await db.StringGetAsync(key);
        while (value == previous && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
            value = (long)await db.StringGetAsync(key);
        }
        return value;
    }
}
