using Campaign.Core.Campaigns;
using Campaign.Core.Redis;
using Campaign.TestSupport;
using static Campaign.Core.Tests.Campaigns.CampaignSamples;

namespace Campaign.Core.Tests.Campaigns;

[Collection(UsesRedis.Name)]
public sealed class CampaignStoreTests(RedisServer redis)
{
    private readonly RedisKeys _keys = new(redis.NewPrefix());

    private CampaignStore NewStore() => new(redis.Connection, _keys);

    private static readonly Actor Author = new("ana", ActorRole.Officer);
    private static readonly Actor Approver = new("chi", ActorRole.Approver);

    [Fact]
    public async Task A_campaign_round_trips_at_version_1()
    {
        var store = NewStore();
        var id = await store.NextIdAsync();
        var campaign = Draft(id: id) with
        {
            Schedule = new RecurringSchedule("0 0 8 ? * MON", new DateOnly(2026, 3, 2), new DateOnly(2026, 6, 29)),
            LastRejection = new Rejection("chi", Now, "Thêm giờ làm việc."),
        };

        var created = await store.CreateAsync(campaign);
        var read = await store.GetAsync(id);

        Assert.True(created.Saved);
        Assert.Equal(1, created.Campaign!.Version);
        Assert.NotNull(read);
        Assert.Equal(CampaignJson.Serialize(campaign with { Version = 1 }), CampaignJson.Serialize(read));
        Assert.Equal(campaign.Audience.AreaCodes, read.Audience.AreaCodes);
        Assert.Equal(campaign.Message!["vi"], read.Message!["vi"]);
        Assert.Equal(campaign.Schedule, read.Schedule);
        Assert.Null(await store.GetAsync("999"));
    }

    [Fact]
    public async Task Ids_come_from_a_counter_and_a_taken_id_is_a_conflict()
    {
        var store = NewStore();
        Assert.Equal("1", await store.NextIdAsync());
        Assert.Equal("2", await store.NextIdAsync());

        await store.CreateAsync(Draft(id: "2"));
        var again = await store.CreateAsync(Draft(id: "2") with { Title = "Khác" });

        Assert.Equal(SaveOutcome.Conflict, again.Outcome);
        Assert.Equal("Hướng dẫn dịch vụ công trực tuyến", again.Campaign?.Title);
        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateAsync(Draft(id: "seq")));
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetAsync("a:b"));
    }

    [Fact]
    public async Task An_update_from_a_stale_read_is_refused()
    {
        var store = NewStore();
        var v1 = (await store.CreateAsync(Draft())).Campaign!;
        var lifecycle = new CampaignLifecycle(Clock());

        var first = await store.UpdateAsync(lifecycle.Submit(v1, Author).Campaign!);
        var stale = await store.UpdateAsync(lifecycle.Cancel(v1, Author).Campaign!);

        Assert.Equal((SaveOutcome.Saved, 2L), (first.Outcome, first.Campaign!.Version));
        Assert.Equal(SaveOutcome.Conflict, stale.Outcome);
        Assert.Equal((CampaignStatus.Submitted, 2L), (stale.Campaign!.Status, stale.Campaign.Version));
        Assert.Equal(CampaignStatus.Submitted, (await store.GetAsync(v1.Id))!.Status);
    }

    [Fact]
    public async Task Of_concurrent_updates_from_one_version_exactly_one_wins()
    {
        var store = NewStore();
        var v1 = (await store.CreateAsync(Draft())).Campaign!;

        var saves = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => store.UpdateAsync(v1 with { Title = $"Bản {i}" }))));

        var winner = Assert.Single(saves, s => s.Saved);
        Assert.All(saves.Where(s => !s.Saved), s => Assert.Equal(SaveOutcome.Conflict, s.Outcome));
        Assert.Equal(winner.Campaign!.Title, (await store.GetAsync(v1.Id))!.Title);
        Assert.Equal(2, (await store.GetAsync(v1.Id))!.Version);
    }

    [Fact]
    public async Task A_transition_retries_on_the_fresh_campaign_after_a_conflict()
    {
        var store = NewStore();
        var lifecycle = new CampaignLifecycle(Clock());
        var scheduled = (await store.CreateAsync(Draft() with { Status = CampaignStatus.Scheduled })).Campaign!;
        var calls = 0;

        var result = await store.TransitionAsync(scheduled.Id, c =>
        {
            if (++calls == 1)
            {
                // Another instance starts the campaign between our read and our write.
                store.UpdateAsync(lifecycle.Start(c, Actor.Scheduler).Campaign!).GetAwaiter().GetResult();
            }
            return lifecycle.Pause(c, Author);
        });

        Assert.Equal(2, calls);
        Assert.True(result!.Succeeded);
        Assert.Equal((CampaignStatus.Paused, CampaignStatus.Running, 3L), (result.Campaign.Status, result.Campaign.PausedFrom, result.Campaign.Version));
        Assert.Null(await store.TransitionAsync("404", c => lifecycle.Pause(c, Author)));
    }

    [Fact]
    public async Task A_refused_transition_saves_nothing()
    {
        var store = NewStore();
        var draft = (await store.CreateAsync(Draft())).Campaign!;

        var result = await store.TransitionAsync(draft.Id, c => new CampaignLifecycle(Clock()).Approve(c, Approver));

        Assert.Equal(LifecycleErrorKind.WrongState, result!.Error?.Kind);
        Assert.Equal(1, (await store.GetAsync(draft.Id))!.Version);
    }

    [Fact]
    public async Task Lists_follow_status_owner_and_update_time()
    {
        var store = NewStore();
        var clock = Clock();
        var lifecycle = new CampaignLifecycle(clock);
        var a = (await store.CreateAsync(Draft("ana", "1"))).Campaign!;
        clock.Advance(TimeSpan.FromMinutes(1));
        var b = (await store.CreateAsync(Draft("ana", "2") with { UpdatedAt = clock.GetUtcNow() })).Campaign!;
        clock.Advance(TimeSpan.FromMinutes(1));
        await store.CreateAsync(Draft("binh", "3") with { UpdatedAt = clock.GetUtcNow() });

        clock.Advance(TimeSpan.FromMinutes(1));
        await store.UpdateAsync(lifecycle.Submit(a, Author).Campaign!);

        Assert.Equal(["1"], (await store.ListAsync(CampaignStatus.Submitted)).Select(c => c.Id));
        Assert.Equal(["3", "2"], (await store.ListAsync(CampaignStatus.Draft)).Select(c => c.Id));
        Assert.Equal(["1", "3", "2"], (await store.ListAsync(CampaignStatus.Draft, CampaignStatus.Submitted)).Select(c => c.Id));
        Assert.Empty(await store.ListAsync(CampaignStatus.Scheduled, CampaignStatus.Running, CampaignStatus.Paused));
        Assert.Equal(["1", "2"], (await store.ListByOwnerAsync("ana")).Select(c => c.Id));
        Assert.Equal(["1", "3", "2"], (await store.ListRecentAsync(0, 10)).Select(c => c.Id));
        Assert.Equal(["3"], (await store.ListRecentAsync(1, 1)).Select(c => c.Id));
        _ = b;
    }

    [Fact]
    public async Task The_owner_of_a_stored_campaign_cannot_change()
    {
        var store = NewStore();
        var v1 = (await store.CreateAsync(Draft())).Campaign!;
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.UpdateAsync(v1 with { OwnerId = "binh" }));
        Assert.Equal(SaveOutcome.NotFound, (await store.UpdateAsync(Draft(id: "404"))).Outcome);
    }

    [Fact]
    public async Task Every_save_is_announced_to_every_listener()
    {
        var store = NewStore();
        var other = new CampaignStore(redis.Connection, _keys);   // another instance's store
        await using var listener = await other.ListenAsync();
        using var timeout = new CancellationTokenSource(Eventually.Deadline);

        var created = (await store.CreateAsync(Draft())).Campaign!;
        await store.UpdateAsync(new CampaignLifecycle(Clock()).Submit(created, Author).Campaign!);
        await store.UpdateAsync(created with { Title = "cũ" });   // a conflict: nothing saved, nothing announced
        await store.TransitionAsync(created.Id, c => new CampaignLifecycle(Clock()).Cancel(c, Author));

        var changes = new List<CampaignChange>();
        await foreach (var change in listener.ReadAllAsync(timeout.Token))
        {
            changes.Add(change);
            if (changes.Count == 3)
            {
                break;
            }
        }

        Assert.Equal(
            [new CampaignChange(created.Id, 1, CampaignStatus.Draft), new CampaignChange(created.Id, 2, CampaignStatus.Submitted), new CampaignChange(created.Id, 3, CampaignStatus.Cancelled)],
            changes);
    }
}
