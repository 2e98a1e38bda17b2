using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Occurrences;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;

namespace Campaign.Core.Tests.Fanout;

/// <summary>The per-minute timeline the fan-out writes: sent, failed and skipped by the minute they happened, read back cumulative.</summary>
[Collection(UsesRedis.Name)]
public sealed class TimelineTests(RedisServer redis)
{
    [Fact]
    public async Task Sent_failed_and_skipped_land_in_their_minute_and_add_up_to_the_stats()
    {
        var f = new FanoutFixture(redis);
        for (var i = 0; i < 6; i++)
        {
            await f.SubscribeAsync(Channel.Sms, $"+8491{i:D7}", "D0101");
        }
        var stopped = await f.SubscribeAsync(Channel.Sms, "+84919999999", "D0101");
        var campaign = await f.ScheduledAsync(FanoutFixture.At(f.Time.GetUtcNow()));
        // Opted out after planning: skipped when claimed.
        var occurrenceId = await f.Runner.FireAsync(campaign.Id, f.Time.GetUtcNow());
        await f.Subscribers.OptOutAsync(stopped, new Consent(f.Time.GetUtcNow(), "test", null));
        var sender = f.Sender(Channel.Sms);
        sender.Answer = m => m.Address.EndsWith('0') ? new SendResult(SendOutcome.Rejected, ErrorCode: "30003") : SendResult.Accepted("P-" + m.DeliveryId);
        var start = f.Time.GetUtcNow();

        await f.DrainAsync(Channel.Sms);

        var occurrence = (await f.Occurrences.GetAsync(occurrenceId!))!;
        var timeline = await new OccurrenceTimeline(redis.Connection, f.Keys).ReadAsync(occurrenceId!);
        var last = Assert.Single(timeline);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(start.ToUnixTimeSeconds() / 60 * 60), last.At);
        Assert.Equal((5L, 1L, 1L), (last.Sent, last.Failed, last.Skipped));
        Assert.Equal((occurrence.Stats.Sent, occurrence.Stats.FailedTotal, occurrence.Stats.SkippedTotal), (last.Sent, last.Failed, last.Skipped));
        Assert.True(await redis.Connection.GetDatabase().KeyTimeToLiveAsync(f.Keys.OccurrenceTimeline(occurrenceId!)) > TimeSpan.Zero);
    }

    [Fact]
    public async Task Later_minutes_are_cumulative()
    {
        var f = new FanoutFixture(redis);
        var db = redis.Connection.GetDatabase();
        var key = f.Keys.OccurrenceTimeline("c9@1");
        await db.HashSetAsync(key, [new("29000000:sent", 3), new("29000000:skipped", 1), new("29000002:sent", 4), new("29000002:failed", 2)]);

        var timeline = await new OccurrenceTimeline(redis.Connection, f.Keys).ReadAsync("c9@1");

        Assert.Equal(
            [(29000000L * 60, 3L, 0L, 1L), (29000002L * 60, 7L, 2L, 1L)],
            timeline.Select(p => (p.At.ToUnixTimeSeconds(), p.Sent, p.Failed, p.Skipped)));
    }
}
