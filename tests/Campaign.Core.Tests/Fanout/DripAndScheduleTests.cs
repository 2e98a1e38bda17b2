using Campaign.Core.Campaigns;
using Campaign.Core.Conversations;
using Campaign.Core.Fanout;
using Campaign.Core.Scheduling;
using Campaign.Core.Tests.Campaigns;
using Campaign.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.Core.Tests.Fanout;

/// <summary>Drip steps at their local hour, across midnight; Quartz triggers in local time; quiet hours; the chunk format.</summary>
[Collection(UsesRedis.Name)]
public sealed class DripAndScheduleTests(RedisServer redis)
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task Drip_steps_go_out_at_the_local_hour_counted_from_each_subscription_across_midnight()
    {
        var f = new FanoutFixture(redis, time: new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, Vietnam)));
        var series = CampaignSamples.Content.FindSeries(CampaignSamples.Series)!;
        var campaign = await f.ScheduledAsync(new DripSchedule(CampaignSamples.Series, 9), new Audience(["D01"], [Channel.Sms], []));
        // 23:30 on the 20th: step 0 is due at 09:00 on the 21st, the next morning.
        var late = await f.SubscribeAsync(Channel.Sms, "+84910000001", "D0101", new DateTimeOffset(2026, 11, 20, 23, 30, 0, Vietnam));
        // 08:30 on the 21st: step 0 due the same morning at 09:00 too.
        await f.SubscribeAsync(Channel.Sms, "+84910000002", "D0101", new DateTimeOffset(2026, 11, 21, 8, 30, 0, Vietnam));
        // 09:30 on the 21st: just after that fire, so step 0 waits for the 22nd.
        await f.SubscribeAsync(Channel.Sms, "+84910000003", "D0101", new DateTimeOffset(2026, 11, 21, 9, 30, 0, Vietnam));

        var received = new Dictionary<string, List<(DateOnly Day, string Text)>>();
        for (var day = new DateOnly(2026, 11, 21); day <= new DateOnly(2026, 12, 12); day = day.AddDays(1))
        {
            var fire = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), Vietnam);
            f.Time.SetUtcNow(fire);
            f.Sender(Channel.Sms).Sent.Clear();
            await f.Runner.FireAsync(campaign.Id, fire);
            await f.DrainAsync(Channel.Sms);
            foreach (var message in f.Sender(Channel.Sms).Sent)
            {
                (received.TryGetValue(message.Address, out var list) ? list : received[message.Address] = []).Add((day, message.Text));
            }
        }

        var steps = series.Steps;
        Assert.Equal(steps.Count, received[late.Address].Count);
        Assert.Equal(new DateOnly(2026, 11, 21), received[late.Address][0].Day);
        Assert.Equal(new DateOnly(2026, 11, 21).AddDays(steps[1].OffsetDays), received[late.Address][1].Day);
        Assert.Equal(new DateOnly(2026, 11, 21), received["+84910000002"][0].Day);
        Assert.Equal(new DateOnly(2026, 11, 22), received["+84910000003"][0].Day);
        Assert.All(received.Values, list => Assert.Equal(list.Count, list.Select(m => m.Text).Distinct().Count()));
    }

    [Fact]
    public void Quartz_triggers_fire_cron_schedules_in_Vietnam_time_as_the_preview_says()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, Vietnam);   // a Monday
        var campaign = CampaignRecordFor(new RecurringSchedule("0 30 7 ? * MON-FRI", new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 27)));

        var trigger = CampaignTriggers.For(campaign, now)!;
        var quartz = new List<DateTimeOffset>();
        for (var next = trigger.GetFireTimeAfter(now); next is { } n && quartz.Count < 10; next = trigger.GetFireTimeAfter(n))
        {
            quartz.Add(n);
        }

        var preview = CampaignSchedule.Next(campaign.Schedule, now, 10).Select(f => f.Utc).ToList();
        Assert.Equal(preview, quartz);
        Assert.Equal(4, quartz.Count);   // Tuesday to Friday; Monday's 07:30 was before "now", the end day is inclusive
        Assert.All(quartz, t => Assert.Equal(new TimeSpan(0, 30, 0), t.UtcDateTime.TimeOfDay));   // 07:30 local = 00:30 UTC
    }

    [Fact]
    public void A_one_off_in_the_past_has_no_trigger_and_a_drip_fires_daily_at_its_hour()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, Vietnam);
        Assert.Null(CampaignTriggers.For(CampaignRecordFor(new OneOffSchedule(new DateTime(2026, 11, 23, 8, 0, 0))), now));
        var drip = CampaignTriggers.For(CampaignRecordFor(new DripSchedule("ba-tru-cot", 8)), now)!;
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, Vietnam), drip.GetFireTimeAfter(now));
    }

    [Theory]
    [InlineData("2026-11-23T22:00:00", "2026-11-24T07:00:00")]
    [InlineData("2026-11-23T23:59:00", "2026-11-24T07:00:00")]
    [InlineData("2026-11-24T03:00:00", "2026-11-24T07:00:00")]
    [InlineData("2026-11-24T07:00:00", null)]
    [InlineData("2026-11-24T21:59:00", null)]
    public void Quiet_hours_run_from_ten_at_night_to_seven_in_the_morning_local_time(string local, string? opens)
    {
        var quiet = new QuietHours(new FanoutOptions());
        var now = new DateTimeOffset(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), Vietnam);
        var expected = opens is null ? (DateTimeOffset?)null : new DateTimeOffset(DateTime.Parse(opens, System.Globalization.CultureInfo.InvariantCulture), Vietnam);
        Assert.Equal(expected, quiet.OpensAt(Channel.Sms, now));
        Assert.Null(quiet.OpensAt(Channel.Zalo, now));
    }

    [Fact]
    public void A_chunk_round_trips_in_a_few_bytes_per_recipient()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => 1_000_000L + (i * 3)).ToArray();
        var chunk = new RecipientChunk("c42@1764043200", 7, 2, 1, true, ids);
        var bytes = chunk.Encode();
        var back = RecipientChunk.Decode(bytes);
        Assert.Equal(chunk with { Ids = [] }, back with { Ids = [] });
        Assert.Equal(ids, back.Ids);
        Assert.True(bytes.Length < 1100, $"{bytes.Length} bytes");
    }

    [Theory]
    [InlineData("b.c42@1764043200.17", "c42@1764043200", 17)]
    [InlineData("b.c-1.x@9.0", "c-1.x@9", 0)]
    public void Bulk_delivery_ids_name_the_occurrence_and_the_subscriber(string text, string occurrence, long subscriber)
    {
        Assert.True(BulkDeliveryId.TryParse(text, out var id));
        Assert.Equal((occurrence, subscriber), (id.OccurrenceId, id.SubscriberId));
        Assert.Equal(text, id.ToString());
        Assert.False(BulkDeliveryId.TryParse("dlv-123", out _));
    }

    private static CampaignRecord CampaignRecordFor(Schedule schedule) => new()
    {
        Id = "c1",
        Title = "t",
        OwnerId = "o",
        Audience = new Audience(["D01"], [Channel.Sms], []),
        Schedule = schedule,
        Status = CampaignStatus.Scheduled,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
