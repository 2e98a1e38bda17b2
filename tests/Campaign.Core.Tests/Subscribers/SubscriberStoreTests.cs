using Campaign.Core.Conversations;
using Campaign.Core.Redis;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;
using StackExchange.Redis;

namespace Campaign.Core.Tests.Subscribers;

[Collection(UsesRedis.Name)]
public sealed class SubscriberStoreTests(RedisServer redis)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly Consent ByImport = new(Monday, "import", "officer:lan file:xa-an-hoa.csv");

    private (SubscriberStore Store, RedisKeys Keys) NewStore()
    {
        var keys = new RedisKeys(redis.NewPrefix());
        return (new SubscriberStore(redis.Connection, keys), keys);
    }

    private static SubscriberImportRow Sms(string phone, string? area = null, string? name = null, params string[] themes) =>
        new(Channel.Sms, phone, area, name, themes);

    [Fact]
    public async Task The_last_interaction_only_moves_forward()
    {
        var (store, _) = NewStore();
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
        var (store, _) = NewStore();
        var (zalo, _) = await store.TouchAsync(Channel.Zalo, "12345", Monday);
        var (messenger, _) = await store.TouchAsync(Channel.Messenger, "12345", Monday);
        Assert.NotEqual(zalo.Id, messenger.Id);
    }

    [Fact]
    public async Task Two_instances_touching_a_new_address_at_once_create_one_subscriber()
    {
        var keys = new RedisKeys(redis.NewPrefix());
        var first = new SubscriberStore(redis.Connection, keys);
        var second = new SubscriberStore(redis.Connection, keys);
        var touches = await Task.WhenAll(first.TouchAsync(Channel.Sms, "+84911000001", Monday), second.TouchAsync(Channel.Sms, "+84911000001", Monday));
        Assert.Equal(touches[0].Subscriber.Id, touches[1].Subscriber.Id);
        Assert.Single(touches, t => t.Created);
    }

    [Fact]
    public async Task A_new_contact_is_stored_as_one_packed_record_in_its_bucket()
    {
        var (store, keys) = NewStore();
        var (contact, created) = await store.TouchAsync(Channel.Sms, "+84912345678", Monday);
        var db = redis.Connection.GetDatabase();

        Assert.True(created);
        Assert.Equal(1, contact.Id);
        Assert.Equal(SubscriberStatus.Contact, contact.Status);
        Assert.Equal(Monday, contact.CreatedAt);
        Assert.Equal(Monday, contact.LastInboundAt);
        Assert.Null(contact.Consent);
        var now = Base36.Encode(Monday.ToUnixTimeSeconds());
        Assert.Equal($"c|s||||{now}|{now}||+84912345678", (string?)await db.HashGetAsync(keys.SubscriberRecords(0), 1));
        Assert.Equal(1, (long)await db.HashGetAsync(keys.SubscriberAddresses(Channel.Sms, "+84912345678"), "+84912345678"));
        Assert.Equal("listpack", (string?)await db.ExecuteAsync("OBJECT", "ENCODING", keys.SubscriberRecords(0)));
    }

    [Fact]
    public async Task Addresses_with_separators_survive_every_path()
    {
        var (store, _) = NewStore();
        const string address = "19:a|b||c@thread.skype|";
        var (touched, _) = await store.TouchAsync(Channel.BotFramework, address, Monday);
        var change = await store.SubscribeAsync(touched, new Consent(Monday, "botframework:subscribe", "m|1"), "D0101");
        var found = await store.FindAsync(Channel.BotFramework, address);
        var page = await store.ScanAsync(0, 1);

        Assert.Equal(address, change.Subscriber.Address);
        Assert.Equal(address, found!.Address);
        Assert.Equal("m|1", found.Consent!.Evidence);
        Assert.Equal(address, Assert.Single(page.Rows).Address);
    }

    [Fact]
    public async Task Subscribing_twice_keeps_the_first_consent_and_opting_out_replaces_it()
    {
        var (store, _) = NewStore();
        var (contact, _) = await store.TouchAsync(Channel.Sms, "+84911000002", Monday);
        var first = await store.SubscribeAsync(contact, new Consent(Monday, "sms:subscribe", "m-1"), "D0101");
        var again = await store.SubscribeAsync(first.Subscriber, new Consent(Monday.AddDays(1), "sms:subscribe", "m-2"));
        var stopped = await store.OptOutAsync(again.Subscriber, new Consent(Monday.AddDays(2), "sms:opt_out", null));

        Assert.Equal((SubscriberStatus.Contact, true), (first.Previous, first.Changed));
        Assert.False(again.Changed);
        Assert.Equal(new Consent(Monday, "sms:subscribe", "m-1"), again.Subscriber.Consent);
        Assert.Equal("D0101", again.Subscriber.AreaCode);
        Assert.Equal(SubscriberStatus.Subscribed, stopped.Previous);
        Assert.Equal(new Consent(Monday.AddDays(2), "sms:opt_out", null), stopped.Subscriber.Consent);
        Assert.True(await store.IsOptedOutAsync(contact.Id));
        Assert.False(await store.IsOptedOutAsync(contact.Id + 1));
    }

    [Fact]
    public async Task Counts_stay_exact_through_subscribe_area_changes_opt_out_and_import()
    {
        var (store, _) = NewStore();
        var (a, _) = await store.TouchAsync(Channel.Sms, "+84911000003", Monday);
        var (b, _) = await store.TouchAsync(Channel.Zalo, "z-3", Monday);
        await AssertCountsAsync(store, []);

        await store.SubscribeAsync(a, new Consent(Monday, "sms:subscribe", null), "D0101");
        await store.SubscribeAsync(b, new Consent(Monday, "zalo:follow", null));
        await AssertCountsAsync(store, [new("", Channel.Zalo, 1), new("D0101", Channel.Sms, 1)]);

        await store.SubscribeAsync(a, new Consent(Monday, "sms:subscribe", null), "D0102"); // moves area
        await store.SubscribeAsync(b, new Consent(Monday, "zalo:follow", null), "D0101");
        await AssertCountsAsync(store, [new("D0101", Channel.Zalo, 1), new("D0102", Channel.Sms, 1)]);

        await store.OptOutAsync(a, new Consent(Monday, "sms:opt_out", null));
        await store.OptOutAsync(a, new Consent(Monday, "sms:opt_out", null));
        await AssertCountsAsync(store, [new("D0101", Channel.Zalo, 1)]);

        await store.ImportAsync(
            [Sms("+84911000003", "D0101"), Sms("+84911000004", "D0101"), Sms("+84911000005"), new(Channel.Zalo, "z-3", "D010101", null, [])],
            ByImport);
        await AssertCountsAsync(store, [new("", Channel.Sms, 1), new("D0101", Channel.Sms, 1), new("D010101", Channel.Zalo, 1)]);

        await store.SubscribeAsync(a, new Consent(Monday, "sms:subscribe", null)); // opted back in, keeps D0102
        await AssertCountsAsync(store, [new("", Channel.Sms, 1), new("D0101", Channel.Sms, 1), new("D010101", Channel.Zalo, 1), new("D0102", Channel.Sms, 1)]);
    }

    /// <summary>The counts the scripts keep must equal what a full scan finds.</summary>
    private static async Task AssertCountsAsync(SubscriberStore store, AreaChannelCount[] expected)
    {
        var counted = await store.CountSubscribedByAreaAsync();
        Assert.Equal(expected, counted);
        Assert.Equal(expected.Sum(c => c.Count), await store.CountSubscribedAsync());
        var scanned = (await store.ScanAsync(0, 1000)).Rows
            .Where(r => r.Status == SubscriberStatus.Subscribed)
            .GroupBy(r => (r.AreaCode ?? "", r.Channel))
            .Select(g => new AreaChannelCount(g.Key.Item1, g.Key.Channel, g.Count()))
            .OrderBy(c => c.AreaCode, StringComparer.Ordinal).ThenBy(c => c.Channel);
        Assert.Equal(scanned, counted);
    }

    [Fact]
    public async Task Import_creates_subscribes_updates_and_never_resubscribes_an_opted_out_resident()
    {
        var (store, _) = NewStore();
        var (contact, _) = await store.TouchAsync(Channel.Sms, "+84912000002", Monday.AddDays(-3));
        var (subscribed, _) = await store.TouchAsync(Channel.Sms, "+84912000003", Monday.AddDays(-3));
        var subscribedConsent = new Consent(Monday.AddDays(-2), "sms:subscribe", "m-7");
        await store.SubscribeAsync(subscribed, subscribedConsent, "D0101");
        var (stopped, _) = await store.TouchAsync(Channel.Sms, "+84912000004", Monday.AddDays(-3));
        var stoppedChange = await store.OptOutAsync(stopped, new Consent(Monday.AddDays(-1), "sms:opt_out", "m-8"));

        var outcomes = await store.ImportAsync(
        [
            Sms("+84912000001", "D0102", "Nguyễn Văn An", "nong-thon-moi"),
            Sms("+84912000002", "D0101"),
            Sms("+84912000003", "D010101", "Trần Thị Bình", "kinh-te", "xa-hoi"),
            Sms("+84912000004", "D0102", "Lê Văn Cường", "an-toan"),
            Sms("+84912000001", null, null), // the same resident twice in one file
        ], ByImport);

        Assert.Equal([ImportOutcome.Created, ImportOutcome.Subscribed, ImportOutcome.Updated, ImportOutcome.KeptOptedOut, ImportOutcome.Updated], outcomes);

        var created = (await store.FindAsync(Channel.Sms, "+84912000001"))!;
        Assert.Equal(SubscriberStatus.Subscribed, created.Status);
        Assert.Equal(("D0102", "Nguyễn Văn An"), (created.AreaCode, created.Name));
        Assert.Equal(["nong-thon-moi"], created.Themes);
        Assert.Equal(ByImport, created.Consent);
        Assert.Equal(Monday, created.CreatedAt);
        Assert.Null(created.LastInboundAt);

        var nowSubscribed = (await store.GetAsync(contact.Id))!;
        Assert.Equal((SubscriberStatus.Subscribed, "D0101"), (nowSubscribed.Status, nowSubscribed.AreaCode));
        Assert.Equal(ByImport, nowSubscribed.Consent);
        Assert.Equal(Monday.AddDays(-3), nowSubscribed.CreatedAt);

        var updated = (await store.GetAsync(subscribed.Id))!;
        Assert.Equal(("D010101", "Trần Thị Bình"), (updated.AreaCode, updated.Name));
        Assert.Equal(["kinh-te", "xa-hoi"], updated.Themes);
        Assert.Equal(subscribedConsent, updated.Consent); // drip series still count from the resident's own DK

        Assert.Equal(stoppedChange.Subscriber, await store.GetAsync(stopped.Id));
        Assert.Equal(3, await store.CountSubscribedAsync());
    }

    [Fact]
    public async Task Import_outcomes_follow_row_order_across_batches()
    {
        var (store, _) = NewStore();
        var stopped = Enumerable.Range(0, 1300).Where(i => i % 7 == 3).ToHashSet();
        foreach (var i in stopped)
        {
            var (s, _) = await store.TouchAsync(Channel.Sms, Phone(i), Monday);
            await store.OptOutAsync(s, new Consent(Monday, "sms:opt_out", null));
        }

        var outcomes = await store.ImportAsync([.. Enumerable.Range(0, 1300).Select(i => Sms(Phone(i), "D0101"))], ByImport);

        Assert.Equal(Enumerable.Range(0, 1300).Select(i => stopped.Contains(i) ? ImportOutcome.KeptOptedOut : ImportOutcome.Created), outcomes);
        Assert.Equal(1300 - stopped.Count, await store.CountSubscribedAsync());

        static string Phone(int i) => $"+8491300{i:0000}";
    }

    [Fact]
    public async Task Import_refuses_values_that_would_break_the_record()
    {
        var (store, _) = NewStore();
        await Assert.ThrowsAsync<ArgumentException>(() => store.ImportAsync([Sms("+84914000001", "D|01")], ByImport));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ImportAsync([Sms("+84914000001", null, null, "a,b")], ByImport));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ImportAsync([Sms("")], ByImport));
        Assert.Equal(0, await store.CountSubscribedAsync());
    }

    [Fact]
    public async Task Scan_pages_through_buckets_in_id_order_and_ends_at_the_last_id()
    {
        var (store, _) = NewStore();
        await store.ImportAsync([.. Enumerable.Range(0, 300).Select(i => Sms($"+8491500{i:0000}", i % 2 == 0 ? "D0101" : null, null, i % 3 == 0 ? ["kinh-te"] : []))], ByImport);

        var first = await store.ScanAsync(0, 1);
        var second = await store.ScanAsync(first.NextBucket!.Value, 1);
        var rest = await store.ScanAsync(second.NextBucket!.Value, 5);
        var all = await store.ScanAsync(0, 100);

        Assert.Equal(Enumerable.Range(1, 127).Select(i => (long)i), first.Rows.Select(r => r.Id)); // id 0 is never given out
        Assert.Equal(1, first.NextBucket);
        Assert.Equal(Enumerable.Range(128, 128).Select(i => (long)i), second.Rows.Select(r => r.Id));
        Assert.Equal(Enumerable.Range(256, 45).Select(i => (long)i), rest.Rows.Select(r => r.Id));
        Assert.Null(rest.NextBucket);
        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), all.Rows.Select(r => r.Id));
        Assert.Null(all.NextBucket);
        Assert.Empty((await store.ScanAsync(3, 1)).Rows);

        var row = all.Rows[0];
        Assert.Equal(new SubscriberRow(1, Channel.Sms, SubscriberStatus.Subscribed, "D0101", "vi", row.Themes, Monday, null, "+84915000000"), row);
        Assert.Equal(["kinh-te"], row.Themes);
        Assert.Null(all.Rows[1].AreaCode);
        Assert.Empty(all.Rows[1].Themes);
    }

    [Fact]
    public async Task Scan_of_an_empty_store_ends_at_once()
    {
        var (store, _) = NewStore();
        var page = await store.ScanAsync(0, 10);
        Assert.Empty(page.Rows);
        Assert.Null(page.NextBucket);
    }

    [Fact]
    public async Task A_theme_code_given_out_by_another_instance_is_decoded_after_a_refresh()
    {
        var keys = new RedisKeys(redis.NewPrefix());
        var importer = new SubscriberStore(redis.Connection, keys);
        var planner = new SubscriberStore(redis.Connection, keys);
        await importer.ImportAsync([Sms("+84916000001", null, null, "kinh-te")], ByImport);
        Assert.Equal(["kinh-te"], Assert.Single((await planner.ScanAsync(0, 1)).Rows).Themes); // planner caches the codes it knows

        await importer.ImportAsync([Sms("+84916000002", null, null, "an-toan", "kinh-te")], ByImport);

        var rows = (await planner.ScanAsync(0, 1)).Rows;
        Assert.Equal(["an-toan", "kinh-te"], rows[1].Themes);
        Assert.Equal(["an-toan", "kinh-te"], (await planner.GetAsync(rows[1].Id))!.Themes);
    }

    [Fact]
    public async Task GetMany_reads_across_buckets_in_the_order_asked_and_skips_unknown_ids()
    {
        var (store, _) = NewStore();
        await store.ImportAsync([.. Enumerable.Range(0, 260).Select(i => Sms($"+8491700{i:0000}", "D0101", i == 199 ? "Phạm Thị Dung" : null))], ByImport);

        var many = await store.GetManyAsync([200, 5, 130, 9999, 5, 260]);

        Assert.Equal([200L, 5, 130, 5, 260], many.Select(s => s.Id));
        Assert.Equal("+84917000199", many[0].Address);
        Assert.Equal("Phạm Thị Dung", many[0].Name);
        Assert.Null(many[1].Name);
        Assert.All(many, s => Assert.Equal(ByImport, s.Consent));
        Assert.Null(await store.GetAsync(9999));
        Assert.Empty(await store.GetManyAsync([]));
    }

    [Fact]
    public async Task Full_buckets_stay_listpacks()
    {
        var (store, keys) = NewStore();
        await store.ImportAsync([.. Enumerable.Range(0, 300).Select(i => Sms($"+8491800{i:0000}", "D010101", "Hoàng Văn Em", "nong-thon-moi", "chinh-quyen"))], ByImport);
        var db = redis.Connection.GetDatabase();
        foreach (var key in new[] { keys.SubscriberRecords(1), keys.SubscriberConsents(1), keys.SubscriberNames(1), keys.SubscriberAddresses(Channel.Sms, "+84918000007") })
        {
            Assert.Equal("listpack", (string?)await db.ExecuteAsync("OBJECT", "ENCODING", (RedisKey)key));
        }
        Assert.Equal(128, await db.HashLengthAsync(keys.SubscriberRecords(1)));
    }
}
