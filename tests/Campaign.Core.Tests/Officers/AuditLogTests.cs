using Campaign.Core.Officers;
using Campaign.Core.Redis;
using Campaign.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.Core.Tests.Officers;

[Collection(UsesRedis.Name)]
public sealed class AuditLogTests(RedisServer redis)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly FakeTimeProvider _time = new(Monday);

    private AuditLog NewLog(int maxLength = 100_000) =>
        new(redis.Connection, new RedisKeys(redis.NewPrefix()), _time, new AuditOptions { MaxLength = maxLength });

    private static AuditEntry Entry(string actor, string action, string target, AuditOutcome outcome = AuditOutcome.Allowed) =>
        new(actor, "officer", action, target, outcome, new Dictionary<string, string> { ["n"] = "1" });

    /// <summary>Lan and Minh act on two campaigns, one entry per minute from Monday 09:00.</summary>
    private async Task<AuditLog> MorningAsync()
    {
        var log = NewLog();
        (string Actor, string Action, string Target, AuditOutcome Outcome)[] actions =
        [
            ("off_lan", "campaign.create", "campaign:c1", AuditOutcome.Allowed),
            ("off_lan", "campaign.submit", "campaign:c1", AuditOutcome.Allowed),
            ("off_lan", "campaign.approve", "campaign:c1", AuditOutcome.Denied),
            ("off_minh", "campaign.approve", "campaign:c1", AuditOutcome.Allowed),
            ("off_minh", "campaign.create", "campaign:c2", AuditOutcome.Failed),
            ("off_lan", "campaign.read", "campaign:c2", AuditOutcome.Allowed),
        ];
        foreach (var (actor, action, target, outcome) in actions)
        {
            await log.RecordAsync(Entry(actor, action, target, outcome));
            _time.Advance(TimeSpan.FromMinutes(1));
        }
        return log;
    }

    [Fact]
    public async Task An_entry_is_kept_with_its_time_and_everything_said()
    {
        var log = NewLog();
        var recorded = await log.RecordAsync(new AuditEntry("off_lan", "approver", "campaign.approve", "campaign:c1", AuditOutcome.Denied,
            new Dictionary<string, string> { ["reason"] = "own campaign" }));

        var read = Assert.Single(await log.QueryAsync(new AuditQuery()));

        Assert.Equal((recorded.Id, recorded.At), (read.Id, read.At));
        Assert.Equal(Monday, read.At);
        Assert.StartsWith(Monday.ToUnixTimeMilliseconds() + "-", read.Id, StringComparison.Ordinal);
        Assert.Equal(("off_lan", "approver", "campaign.approve", "campaign:c1", AuditOutcome.Denied),
            (read.Entry.ActorId, read.Entry.Role, read.Entry.Action, read.Entry.Target, read.Entry.Outcome));
        Assert.Equal("own campaign", read.Entry.Details!["reason"]);
    }

    public static TheoryData<string, AuditQuery, string[]> Queries => new()
    {
        { "everything, newest first", new AuditQuery(), ["campaign.read", "campaign.create", "campaign.approve", "campaign.approve", "campaign.submit", "campaign.create"] },
        { "by actor", new AuditQuery(ActorId: "off_minh"), ["campaign.create", "campaign.approve"] },
        { "by target", new AuditQuery(Target: "campaign:c2"), ["campaign.read", "campaign.create"] },
        { "by action", new AuditQuery(Action: "campaign.approve"), ["campaign.approve", "campaign.approve"] },
        { "by actor and target", new AuditQuery(ActorId: "off_lan", Target: "campaign:c1"), ["campaign.approve", "campaign.submit", "campaign.create"] },
        { "from 09:02", new AuditQuery(From: Monday.AddMinutes(2)), ["campaign.read", "campaign.create", "campaign.approve", "campaign.approve"] },
        { "until 09:01 inclusive", new AuditQuery(To: Monday.AddMinutes(1)), ["campaign.submit", "campaign.create"] },
        { "09:01 to 09:03", new AuditQuery(From: Monday.AddMinutes(1), To: Monday.AddMinutes(3)), ["campaign.approve", "campaign.approve", "campaign.submit"] },
        { "limited", new AuditQuery(Limit: 2), ["campaign.read", "campaign.create"] },
        { "a time with nothing", new AuditQuery(From: Monday.AddHours(1)), [] },
        { "an unknown actor", new AuditQuery(ActorId: "off_nobody"), [] },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Entries_are_found_by_time_actor_target_and_action(string name, AuditQuery query, string[] actions)
    {
        var log = await MorningAsync();
        var found = await log.QueryAsync(query);
        Assert.True(actions.SequenceEqual(found.Select(r => r.Entry.Action)), $"{name}: {string.Join(", ", found.Select(r => r.Entry.Action))}");
    }

    [Fact]
    public async Task Pages_follow_on_from_the_last_entry_read()
    {
        var log = await MorningAsync();

        var first = await log.QueryAsync(new AuditQuery(ActorId: "off_lan", Limit: 2));
        var second = await log.QueryAsync(new AuditQuery(ActorId: "off_lan", Limit: 2, Before: first[^1].Id));
        var third = await log.QueryAsync(new AuditQuery(ActorId: "off_lan", Limit: 2, Before: second[^1].Id));

        Assert.Equal(["campaign.read", "campaign.approve", "campaign.submit", "campaign.create"], first.Concat(second).Concat(third).Select(r => r.Entry.Action));
        Assert.Empty(await log.QueryAsync(new AuditQuery(Before: "0-1")));
        await Assert.ThrowsAsync<ArgumentException>(() => log.QueryAsync(new AuditQuery(Before: "1-2; FLUSHALL")));
    }

    [Fact]
    public async Task The_log_is_capped_and_keeps_the_newest()
    {
        var log = NewLog(maxLength: 10);
        for (var i = 0; i < 350; i++)
        {
            await log.RecordAsync(Entry("off_lan", "campaign.read", $"campaign:c{i}"));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        // Trimming is approximate (whole stream nodes of 100 entries), so the length is bounded, not exact.
        var count = await log.CountAsync();
        Assert.InRange(count, 10, 110);
        var newest = await log.QueryAsync(new AuditQuery(Limit: 1000));
        Assert.Equal("campaign:c349", newest[0].Entry.Target);
        Assert.Empty(await log.QueryAsync(new AuditQuery(Target: "campaign:c0")));
    }

    [Fact]
    public async Task A_clock_stepping_back_still_appends_in_order()
    {
        var clock = new SettableClock { Now = Monday };
        var log = new AuditLog(redis.Connection, new RedisKeys(redis.NewPrefix()), clock, new AuditOptions());
        var first = await log.RecordAsync(Entry("off_lan", "a", "t"));
        clock.Now = Monday.AddMinutes(-5); // another instance's clock, or NTP stepping back
        var second = await log.RecordAsync(Entry("off_lan", "b", "t"));

        Assert.Equal(Monday.AddMinutes(-5), second.At);
        Assert.Equal(["b", "a"], (await log.QueryAsync(new AuditQuery())).Select(r => r.Entry.Action));
        Assert.NotEqual(first.Id, second.Id);
    }

    public static TheoryData<string, string, string> Cleaning => new()
    {
        { "a mobile number", "sent to 0912345678", "sent to 09*****678" },
        { "a number written with spaces", "sent to 0912 345 678 today", "sent to 09*****678 today" },
        { "an international number", "from +84912345678", "from +8491*****678" },
        { "a number beside another figure", "0912345678 5", "09*****678 5" },
        { "an API key", "key cmp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde used", "key cmp_AbCdEfGh… used" },
        { "a key id is public", "key cmp_AbCdEfGh", "key cmp_AbCdEfGh" },
        { "a date is not a phone number", "2026-11-23 09:00", "2026-11-23 09:00" },
        { "an area code is not a phone number", "D010101", "D010101" },
        { "a line break", "a\nb", "ab" },
    };

    [Theory]
    [MemberData(nameof(Cleaning))]
    public async Task Phone_numbers_and_keys_never_reach_the_log(string name, string value, string kept)
    {
        var log = NewLog();
        await log.RecordAsync(new AuditEntry("off_lan", "officer", "subscriber.import", "subscribers/" + value, AuditOutcome.Allowed,
            new Dictionary<string, string> { ["note"] = value }));

        var entry = Assert.Single(await log.QueryAsync(new AuditQuery())).Entry;
        Assert.True(kept == entry.Details!["note"], $"{name}: {entry.Details["note"]}");
        Assert.Equal("subscribers/" + kept, entry.Target);
    }

    [Fact]
    public async Task Details_are_kept_small()
    {
        var log = NewLog();
        var many = Enumerable.Range(0, 20).ToDictionary(i => $"k{i}", i => new string('x', i == 0 ? 500 : 5));
        await log.RecordAsync(new AuditEntry("off_lan", "officer", "a", "t", AuditOutcome.Allowed, many));

        var details = Assert.Single(await log.QueryAsync(new AuditQuery())).Entry.Details!;
        Assert.Equal(AuditDetails.MaxEntries + 1, details.Count);
        Assert.Equal("4", details[AuditDetails.OmittedKey]);
        Assert.Equal(AuditDetails.MaxValueLength, details["k0"].Length);
        Assert.EndsWith("…", details["k0"], StringComparison.Ordinal);
    }

    /// <summary>A clock that can go back, which FakeTimeProvider refuses to do.</summary>
    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    }
}
