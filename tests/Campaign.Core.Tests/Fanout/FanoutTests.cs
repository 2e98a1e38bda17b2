using Campaign.Core.Campaigns;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Fanout;
using Campaign.Core.Occurrences;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;

namespace Campaign.Core.Tests.Fanout;

/// <summary>An occurrence from fire to stats: who is reached, who is skipped and why, on real Redis with a fake clock.</summary>
[Collection(UsesRedis.Name)]
public sealed class FanoutTests(RedisServer redis)
{
    private static string Phone(int n) => $"+8491{n:D7}";

    [Fact]
    public async Task A_fire_reaches_every_subscriber_in_the_areas_once_and_nobody_else()
    {
        var f = new FanoutFixture(redis);
        for (var i = 0; i < 60; i++)
        {
            await f.SubscribeAsync(Channel.Sms, Phone(i), i % 2 == 0 ? "D010101" : "D0102");   // all inside D01
        }
        await f.SubscribeAsync(Channel.Sms, Phone(900), "08");                 // another province
        var optedOut = await f.SubscribeAsync(Channel.Sms, Phone(901), "D0101");
        await f.Subscribers.OptOutAsync(optedOut, new Consent(f.Time.GetUtcNow(), "test", null));
        await f.Subscribers.TouchAsync(Channel.Sms, Phone(902), f.Time.GetUtcNow());   // a contact who never subscribed
        var campaign = await f.ScheduledAsync(FanoutFixture.At(f.Time.GetUtcNow()));

        var occurrenceId = await f.Runner.FireAsync(campaign.Id, f.Time.GetUtcNow());
        await f.DrainAsync(Channel.Sms);

        Assert.NotNull(occurrenceId);
        var counts = f.Sender(Channel.Sms).CountByAddress();
        Assert.Equal(60, counts.Count);
        Assert.All(counts.Values, n => Assert.Equal(1, n));
        Assert.DoesNotContain(Phone(900), counts.Keys);
        Assert.DoesNotContain(Phone(901), counts.Keys);
        Assert.DoesNotContain(Phone(902), counts.Keys);
        var occurrence = (await f.Occurrences.GetAsync(occurrenceId!))!;
        Assert.Equal(OccurrenceStatus.Completed, occurrence.Status);
        Assert.Equal(60, occurrence.Stats.Targeted);
        Assert.Equal(60, occurrence.Stats.Sent);
        Assert.Equal(0, occurrence.Stats.Pending);
        Assert.Equal(CampaignStatus.Completed, (await f.Campaigns.GetAsync(campaign.Id))!.Status);
        Assert.All(f.Sender(Channel.Sms).Sent, m => Assert.True(BulkDeliveryId.TryParse(m.DeliveryId, out _)));
    }

    [Fact]
    public async Task A_fire_with_nobody_in_its_audience_completes_the_campaign_at_once()
    {
        var f = new FanoutFixture(redis);
        await f.SubscribeAsync(Channel.Sms, Phone(1), "08");   // outside D01
        var campaign = await f.ScheduledAsync(FanoutFixture.At(f.Time.GetUtcNow()));

        var occurrenceId = await f.Runner.FireAsync(campaign.Id, f.Time.GetUtcNow());

        Assert.Equal(OccurrenceStatus.Completed, (await f.Occurrences.GetAsync(occurrenceId!))!.Status);
        // Not left "running" until the next full resync: no dispatcher will ever finish this occurrence.
        Assert.Equal(CampaignStatus.Completed, (await f.Campaigns.GetAsync(campaign.Id))!.Status);
    }

    [Fact]
    public async Task Each_channel_gets_its_own_text_and_web_chat_is_never_pushed_to()
    {
        var f = new FanoutFixture(redis);
        await f.SubscribeAsync(Channel.Sms, Phone(1), "D0101");
        await f.SubscribeAsync(Channel.Zalo, "zalo-user-1", "D0101");
        await f.SubscribeAsync(Channel.WebChat, "web-1", "D0101");
        var campaign = await f.ScheduledAsync(FanoutFixture.At(f.Time.GetUtcNow()),
            new Audience(["D01"], [Channel.Sms, Channel.Zalo, Channel.WebChat], []), chat: "Thông báo của xã", sms: "Thông báo của xã");

        await f.Runner.FireAsync(campaign.Id, f.Time.GetUtcNow());
        await f.DrainAsync(Channel.Sms);
        await f.DrainAsync(Channel.Zalo);
        await f.DrainAsync(Channel.WebChat);

        Assert.Equal("Thong bao cua xa", Assert.Single(f.Sender(Channel.Sms).Sent).Text);   // SMS unaccented by default
        Assert.Equal("Thông báo của xã", Assert.Single(f.Sender(Channel.Zalo).Sent).Text);
        Assert.Empty(f.Sender(Channel.WebChat).Sent);
    }

    [Fact]
    public async Task Two_and_three_instances_firing_the_same_trigger_run_it_once()
    {
        var a = new FanoutFixture(redis);
        var b = new FanoutFixture(redis, sameRedisAs: a);
        var c = new FanoutFixture(redis, sameRedisAs: a);
        for (var i = 0; i < 40; i++)
        {
            await a.SubscribeAsync(Channel.Sms, Phone(i), "D0101");
        }
        var campaign = await a.ScheduledAsync(FanoutFixture.At(a.Time.GetUtcNow()));
        var fire = a.Time.GetUtcNow();

        var claims = await Task.WhenAll(a.Runner.FireAsync(campaign.Id, fire), b.Runner.FireAsync(campaign.Id, fire), c.Runner.FireAsync(campaign.Id, fire));
        await Task.WhenAll(a.DrainAsync(Channel.Sms, "a"), b.DrainAsync(Channel.Sms, "b"), c.DrainAsync(Channel.Sms, "c"));

        Assert.Single(claims, id => id is not null);
        var all = a.Sender(Channel.Sms).Sent.Concat(b.Sender(Channel.Sms).Sent).Concat(c.Sender(Channel.Sms).Sent).ToList();
        Assert.Equal(40, all.Count);
        Assert.Equal(40, all.Select(m => m.Address).Distinct().Count());
        Assert.Single(await a.Occurrences.ListAsync(campaign.Id));
    }

    [Fact]
    public async Task A_fire_missed_within_the_grace_period_runs_at_start_and_one_beyond_it_is_recorded_missed()
    {
        var f = new FanoutFixture(redis);
        await f.SubscribeAsync(Channel.Sms, Phone(1), "D0101");
        var start = f.Time.GetUtcNow();
        var recent = await f.ScheduledAsync(FanoutFixture.At(start.AddHours(1)));
        var old = await f.ScheduledAsync(FanoutFixture.At(start.AddHours(2)));
        var within = await f.ScheduledAsync(FanoutFixture.At(start.AddHours(5)));

        // Everything was down from before the first fire until 8.5 h after start: the fires at +1 h and
        // +2 h are 7.5 h and 6.5 h old (beyond the 6 h grace), the one at +5 h only 3.5 h.
        f.Time.SetUtcNow(start.AddHours(8.5));
        await f.Runner.CatchUpAsync();
        await f.DrainAsync(Channel.Sms);

        Assert.Equal(OccurrenceStatus.Missed, (await f.OccurrenceAsync(recent.Id, start.AddHours(1))).Status);
        Assert.Equal("down_past_grace", (await f.OccurrenceAsync(old.Id, start.AddHours(2))).Reason);
        var ran = await f.OccurrenceAsync(within.Id, start.AddHours(5));
        Assert.Equal(OccurrenceStatus.Completed, ran.Status);
        Assert.Equal(1, ran.Stats.Sent);
        Assert.Equal(CampaignStatus.Completed, (await f.Campaigns.GetAsync(recent.Id))!.Status);
        Assert.Equal(CampaignStatus.Completed, (await f.Campaigns.GetAsync(within.Id))!.Status);
        Assert.Single(f.Sender(Channel.Sms).Sent);
    }

    [Fact]
    public async Task SMS_fired_in_quiet_hours_waits_for_seven_in_the_morning_and_is_counted_deferred()
    {
        var f = new FanoutFixture(redis);
        f.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 22, 30, 0, TimeSpan.FromHours(7)));
        await f.SubscribeAsync(Channel.Sms, Phone(1), "D0101");
        await f.SubscribeAsync(Channel.Zalo, "zalo-1", "D0101");
        var campaign = await f.ScheduledAsync(FanoutFixture.At(f.Time.GetUtcNow()), new Audience(["D01"], [Channel.Sms, Channel.Zalo], []));

        var id = await f.Runner.FireAsync(campaign.Id, f.Time.GetUtcNow());
        await f.DrainAsync(Channel.Sms);
        await f.DrainAsync(Channel.Zalo);

        Assert.Empty(f.Sender(Channel.Sms).Sent);
        Assert.Single(f.Sender(Channel.Zalo).Sent);   // chat has no quiet hours by default
        Assert.Equal(1, (await f.Occurrences.GetAsync(id!))!.Stats.Deferred);

        f.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 6, 59, 0, TimeSpan.FromHours(7)));
        await f.DrainAsync(Channel.Sms);
        Assert.Empty(f.Sender(Channel.Sms).Sent);

        f.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.FromHours(7)));
        await f.DrainAsync(Channel.Sms);
        Assert.Single(f.Sender(Channel.Sms).Sent);
        var occurrence = (await f.Occurrences.GetAsync(id!))!;
        Assert.Equal(OccurrenceStatus.Completed, occurrence.Status);
        Assert.Equal((1, 2), (occurrence.Stats.Deferred, occurrence.Stats.Sent));
    }

    [Fact]
    public async Task The_fourth_campaign_message_in_a_day_is_skipped_by_the_frequency_cap()
    {
        var f = new FanoutFixture(redis);
        await f.SubscribeAsync(Channel.Sms, Phone(1), "D0101");
        var fires = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var campaign = await f.ScheduledAsync(FanoutFixture.At(f.Time.GetUtcNow()));
            fires.Add((await f.Runner.FireAsync(campaign.Id, f.Time.GetUtcNow()))!);
            await f.DrainAsync(Channel.Sms);
            f.Time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(3, f.Sender(Channel.Sms).Sent.Count);
        var last = (await f.Occurrences.GetAsync(fires[3]))!;
        Assert.Equal(1, last.Stats.Skipped["frequency_cap"]);

        f.Time.Advance(TimeSpan.FromHours(21));   // the first message is now more than 24 h old
        var later = await f.ScheduledAsync(FanoutFixture.At(f.Time.GetUtcNow()));
        await f.Runner.FireAsync(later.Id, f.Time.GetUtcNow());
        await f.DrainAsync(Channel.Sms);
        Assert.Equal(4, f.Sender(Channel.Sms).Sent.Count);
    }

    [Fact]
    public async Task Opt_out_and_do_not_contact_between_planning_and_sending_are_honoured_at_send_time()
    {
        var f = new FanoutFixture(redis);
        var stays = await f.SubscribeAsync(Channel.Sms, Phone(1), "D0101");
        var leaves = await f.SubscribeAsync(Channel.Sms, Phone(2), "D0101");
        await f.SubscribeAsync(Channel.Sms, Phone(3), "D0101");
        var campaign = await f.ScheduledAsync(FanoutFixture.At(f.Time.GetUtcNow()));

        var id = await f.Runner.FireAsync(campaign.Id, f.Time.GetUtcNow());   // planned: three recipients
        await f.Subscribers.OptOutAsync(leaves, new Consent(f.Time.GetUtcNow(), "sms:TC", "SM-stop"));
        await f.Redis.Connection.GetDatabase().SetAddAsync(f.Keys.DoNotContact, Phone(3));
        await f.DrainAsync(Channel.Sms);

        Assert.Equal(stays.Address, Assert.Single(f.Sender(Channel.Sms).Sent).Address);
        var stats = (await f.Occurrences.GetAsync(id!))!.Stats;
        Assert.Equal(3, stats.Targeted);
        Assert.Equal(1, stats.Skipped["opted_out"]);
        Assert.Equal(1, stats.Skipped["do_not_contact"]);
        Assert.Equal(0, stats.Pending);
    }

    [Fact]
    public async Task Messenger_residents_outside_the_24_hour_window_are_skipped_without_calling_the_provider()
    {
        var f = new FanoutFixture(redis);
        await f.SubscribeAsync(Channel.Messenger, "psid-recent", "D0101", f.Time.GetUtcNow().AddHours(-2));
        await f.SubscribeAsync(Channel.Messenger, "psid-old", "D0101", f.Time.GetUtcNow().AddDays(-3));
        var campaign = await f.ScheduledAsync(FanoutFixture.At(f.Time.GetUtcNow()), new Audience(["D01"], [Channel.Messenger], []));

        var id = await f.Runner.FireAsync(campaign.Id, f.Time.GetUtcNow());
        await f.DrainAsync(Channel.Messenger);

        Assert.Equal("psid-recent", Assert.Single(f.Sender(Channel.Messenger).Sent).Address);
        Assert.Equal(1, (await f.Occurrences.GetAsync(id!))!.Stats.Skipped["outside_window"]);
    }

    [Fact]
    public async Task Pause_holds_what_is_not_yet_sent_and_resume_sends_the_rest_once()
    {
        var f = new FanoutFixture(redis, new FanoutOptions { BatchSize = 5, ChunkSize = 100 });
        for (var i = 0; i < 30; i++)
        {
            await f.SubscribeAsync(Channel.Sms, Phone(i), "D0101");
        }
        var campaign = await f.ScheduledAsync(FanoutFixture.At(f.Time.GetUtcNow()));
        var paused = false;
        f.Sender(Channel.Sms).Before = async _ =>
        {
            if (!paused && f.Sender(Channel.Sms).Sent.Count == 5)
            {
                paused = true;
                await f.Campaigns.TransitionAsync(campaign.Id, c => f.Lifecycle.Pause(c, new Actor("officer-1", ActorRole.Officer)));
                f.Time.Advance(TimeSpan.FromSeconds(2));   // past the dispatcher's one-second campaign cache
            }
        };

        var id = await f.Runner.FireAsync(campaign.Id, f.Time.GetUtcNow());
        await f.DrainAsync(Channel.Sms);
        Assert.Equal(5, f.Sender(Channel.Sms).Sent.Count);

        f.Time.Advance(TimeSpan.FromMinutes(5));
        await f.DrainAsync(Channel.Sms);
        Assert.Equal(5, f.Sender(Channel.Sms).Sent.Count);   // still paused

        await f.Campaigns.TransitionAsync(campaign.Id, c => f.Lifecycle.Resume(c, new Actor("officer-1", ActorRole.Officer)));
        f.Time.Advance(TimeSpan.FromSeconds(20));
        await f.DrainAsync(Channel.Sms);

        Assert.Equal(30, f.Sender(Channel.Sms).Sent.Select(m => m.Address).Distinct().Count());
        Assert.Equal(30, f.Sender(Channel.Sms).Sent.Count);
        Assert.Equal(OccurrenceStatus.Completed, (await f.Occurrences.GetAsync(id!))!.Status);
    }

    [Fact]
    public async Task Cancel_mid_run_skips_everyone_not_yet_handed_to_the_provider()
    {
        var f = new FanoutFixture(redis, new FanoutOptions { BatchSize = 5, ChunkSize = 100 });
        for (var i = 0; i < 30; i++)
        {
            await f.SubscribeAsync(Channel.Sms, Phone(i), "D0101");
        }
        var campaign = await f.ScheduledAsync(FanoutFixture.At(f.Time.GetUtcNow()));
        var id = await f.Runner.FireAsync(campaign.Id, f.Time.GetUtcNow());
        f.Sender(Channel.Sms).Before = async _ =>
        {
            if (f.Sender(Channel.Sms).Sent.Count == 10)
            {
                await f.Campaigns.TransitionAsync(campaign.Id, c => f.Lifecycle.Cancel(c, new Actor("officer-1", ActorRole.Officer)));
                await f.Runner.CancelOpenAsync(campaign.Id);
                f.Time.Advance(TimeSpan.FromSeconds(2));
            }
        };

        await f.DrainAsync(Channel.Sms);

        var occurrence = (await f.Occurrences.GetAsync(id!))!;
        Assert.Equal(10, f.Sender(Channel.Sms).Sent.Count);
        Assert.Equal(OccurrenceStatus.Cancelled, occurrence.Status);
        Assert.Equal(10, occurrence.Stats.Sent);
        Assert.Equal(20, occurrence.Stats.Skipped["cancelled"]);
    }

    [Fact]
    public async Task Receipts_move_a_recipient_forward_only_whatever_order_they_arrive_in()
    {
        var f = new FanoutFixture(redis);
        await f.SubscribeAsync(Channel.Sms, Phone(1), "D0101");
        await f.SubscribeAsync(Channel.Sms, Phone(2), "D0101");
        var campaign = await f.ScheduledAsync(FanoutFixture.At(f.Time.GetUtcNow()));
        var id = (await f.Runner.FireAsync(campaign.Id, f.Time.GetUtcNow()))!;
        await f.DrainAsync(Channel.Sms);
        var sent = f.Sender(Channel.Sms).Sent.ToDictionary(m => m.Address, m => m.DeliveryId);

        Assert.Equal(ReceiptResult.Applied, await f.Deliveries.ApplyReceiptAsync(sent[Phone(1)], DeliveryStatus.Delivered, null, null));
        Assert.Equal(ReceiptResult.Stale, await f.Deliveries.ApplyReceiptAsync(sent[Phone(1)], DeliveryStatus.Sent, null, null));
        Assert.Equal(ReceiptResult.Stale, await f.Deliveries.ApplyReceiptAsync(sent[Phone(1)], DeliveryStatus.Delivered, null, null));
        Assert.Equal(ReceiptResult.Applied, await f.Deliveries.ApplyReceiptAsync(sent[Phone(2)], DeliveryStatus.Failed, "30003", null));
        Assert.Equal(ReceiptResult.Stale, await f.Deliveries.ApplyReceiptAsync(sent[Phone(2)], DeliveryStatus.Delivered, null, null));
        var stats = (await f.Occurrences.GetAsync(id))!.Stats;
        Assert.Equal((2, 1), (stats.Sent, stats.Delivered));
        Assert.Equal(1, stats.Undelivered["30003"]);

        // A failure reported after "delivered" (one part of a long SMS lost) outranks it.
        Assert.Equal(ReceiptResult.Applied, await f.Deliveries.ApplyReceiptAsync(sent[Phone(1)], DeliveryStatus.Undelivered, "30005", null));
        stats = (await f.Occurrences.GetAsync(id))!.Stats;
        Assert.Equal(0, stats.Delivered);
        Assert.Equal(1, stats.Undelivered["30005"]);
        Assert.Equal(ReceiptResult.UnknownDelivery, await f.Deliveries.ApplyReceiptAsync(new BulkDeliveryId("c999@1", 1).ToString(), DeliveryStatus.Delivered, null, null));
    }

    [Fact]
    public async Task A_429_storm_is_retried_with_backoff_honouring_retry_after_and_nobody_gets_two()
    {
        var f = new FanoutFixture(redis);
        for (var i = 0; i < 20; i++)
        {
            await f.SubscribeAsync(Channel.Sms, Phone(i), "D0101");
        }
        var campaign = await f.ScheduledAsync(FanoutFixture.At(f.Time.GetUtcNow()));
        var calls = 0;
        f.Sender(Channel.Sms).Answer = m => Interlocked.Increment(ref calls) <= 25
            ? new SendResult(SendOutcome.RetryLater, ErrorCode: "20429", RetryAfter: TimeSpan.FromSeconds(60))
            : SendResult.Accepted("SM" + calls);

        var id = (await f.Runner.FireAsync(campaign.Id, f.Time.GetUtcNow()))!;
        await f.DrainAsync(Channel.Sms);
        var during = (await f.Occurrences.GetAsync(id))!.Stats;
        Assert.Equal(20, during.Retrying);
        Assert.Equal(0, during.Sent);

        f.Time.Advance(TimeSpan.FromSeconds(59));
        await f.DrainAsync(Channel.Sms);
        Assert.Equal(20, f.Sender(Channel.Sms).Sent.Count);   // Retry-After not yet over
        for (var i = 0; i < 6; i++)
        {
            f.Time.Advance(TimeSpan.FromMinutes(2));
            await f.DrainAsync(Channel.Sms);
        }

        var accepted = f.Sender(Channel.Sms).Sent.Skip(25).Select(m => m.Address).ToList();
        Assert.Equal(20, accepted.Distinct().Count());
        Assert.Equal(20, accepted.Count);
        var stats = (await f.Occurrences.GetAsync(id))!.Stats;
        Assert.Equal((20L, 0L), (stats.Sent, stats.Retrying));
        Assert.Equal(OccurrenceStatus.Completed, (await f.Occurrences.GetAsync(id))!.Status);
    }

    [Fact]
    public async Task A_dispatcher_that_dies_mid_batch_leaves_its_in_flight_sends_unknown_and_a_survivor_finishes_without_duplicates()
    {
        var f = new FanoutFixture(redis, new FanoutOptions { BatchSize = 5, ChunkSize = 20, AbandonedAfter = TimeSpan.FromSeconds(30) });
        for (var i = 0; i < 20; i++)
        {
            await f.SubscribeAsync(Channel.Sms, Phone(i), "D0101");
        }
        var campaign = await f.ScheduledAsync(FanoutFixture.At(f.Time.GetUtcNow()));
        var id = (await f.Runner.FireAsync(campaign.Id, f.Time.GetUtcNow()))!;

        // The dead instance: read the chunk, sent one batch fully, claimed a second and died during the provider calls.
        var queue = new BulkOutbox(redis.Connection, f.Keys, Channel.Sms);
        var entry = Assert.Single(await queue.ReadAsync("dead", 1));
        var first = await f.Ledger.ClaimAsync(entry.Chunk, Channel.Sms, 0, entry.Chunk.Ids.AsMemory(0, 5), f.Time.GetUtcNow());
        await f.Ledger.RecordAsync(entry.Chunk, Channel.Sms, first.Position, new Dictionary<string, long> { ["sent"] = 5 }, DateTimeOffset.UtcNow);
        var second = await f.Ledger.ClaimAsync(entry.Chunk, Channel.Sms, 5, entry.Chunk.Ids.AsMemory(5, 5), f.Time.GetUtcNow());
        Assert.Equal(5, second.Recipients.Count);

        f.Time.Advance(TimeSpan.FromSeconds(31));
        await Task.Delay(50);   // the stream's idle time is Redis's real clock
        var survivor = new FanoutFixture(redis, new FanoutOptions { BatchSize = 5, ChunkSize = 20, AbandonedAfter = TimeSpan.FromMilliseconds(10) }, sameRedisAs: f);
        await survivor.DrainAsync(Channel.Sms, "survivor");

        var resent = survivor.Sender(Channel.Sms).Sent.Select(m => m.Address).ToList();
        var firstTen = entry.Chunk.Ids.Take(10).ToHashSet();
        Assert.Equal(10, resent.Count);
        Assert.Equal(10, resent.Distinct().Count());
        var occurrence = (await f.Occurrences.GetAsync(id))!;
        Assert.Equal((15L, 5L), (occurrence.Stats.Sent, occurrence.Stats.Unknown));
        Assert.Equal(OccurrenceStatus.Completed, occurrence.Status);
        _ = firstTen;
    }

    [Fact]
    public async Task A_reply_within_a_day_is_credited_once_to_the_occurrence_that_last_wrote()
    {
        var f = new FanoutFixture(redis);
        var resident = await f.SubscribeAsync(Channel.Sms, Phone(1), "D0101");
        var campaign = await f.ScheduledAsync(FanoutFixture.At(f.Time.GetUtcNow()));
        var id = (await f.Runner.FireAsync(campaign.Id, f.Time.GetUtcNow()))!;
        await f.DrainAsync(Channel.Sms);

        f.Time.Advance(TimeSpan.FromHours(3));
        Assert.True(await f.Ledger.CreditReplyAsync(resident.Id, f.Time.GetUtcNow()));
        Assert.False(await f.Ledger.CreditReplyAsync(resident.Id, f.Time.GetUtcNow()));
        Assert.Equal(1, (await f.Occurrences.GetAsync(id))!.Stats.Replies);

        var other = await f.SubscribeAsync(Channel.Sms, Phone(2), "08");   // never written to
        Assert.False(await f.Ledger.CreditReplyAsync(other.Id, f.Time.GetUtcNow()));
    }
}
