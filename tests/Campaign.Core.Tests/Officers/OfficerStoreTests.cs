using Campaign.Core.Officers;
using Campaign.Core.Redis;
using Campaign.TestSupport;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Campaign.Core.Tests.Officers;

[Collection(UsesRedis.Name)]
public sealed class OfficerStoreTests(RedisServer redis)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly FakeTimeProvider _time = new(Monday);
    private readonly string _prefix = redis.NewPrefix();

    private OfficerStore NewStore() => new(redis.Connection, new RedisKeys(_prefix), _time);

    private static NewOfficer CommuneOfficer => new("Nguyễn Thị Lan", OfficerRole.Officer, AreaScope.Parse("D0101"));

    [Fact]
    public async Task A_new_officer_is_found_by_their_key()
    {
        var store = NewStore();
        var (officer, key) = await store.AddAsync(CommuneOfficer);

        var lookup = await store.FindByKeyAsync(key.Secret);

        Assert.Equal(KeyCheck.Valid, lookup.Check);
        Assert.Equal(officer, lookup.Officer);
        Assert.Equal(key.KeyId, lookup.Key!.KeyId);
        Assert.StartsWith("off_", officer.Id, StringComparison.Ordinal);
        Assert.Equal(("Nguyễn Thị Lan", OfficerRole.Officer, "D0101", Monday, false), (officer.Name, officer.Role, officer.Scope.ToString(), officer.CreatedAt, officer.Disabled));
    }

    [Fact]
    public async Task The_key_itself_is_stored_nowhere()
    {
        var store = NewStore();
        var (_, key) = await store.AddAsync(CommuneOfficer);
        var secretPart = key.Secret[ApiKeys.KeyIdLength..];

        var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);
        var db = redis.Connection.GetDatabase();
        var stored = new List<string>();
        await foreach (var redisKey in server.KeysAsync(pattern: _prefix + "*"))
        {
            stored.Add(redisKey!);
            stored.AddRange(await db.KeyTypeAsync(redisKey) switch
            {
                RedisType.String => [(string)(await db.StringGetAsync(redisKey))!],
                RedisType.Hash => (await db.HashGetAllAsync(redisKey)).SelectMany(e => new[] { (string)e.Name!, (string)e.Value! }),
                RedisType.Set => (await db.SetMembersAsync(redisKey)).Select(v => (string)v!),
                RedisType.SortedSet => (await db.SortedSetRangeByRankAsync(redisKey)).Select(v => (string)v!),
                _ => [],
            });
        }

        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, s => s.Contains(secretPart, StringComparison.Ordinal));
        Assert.Contains(stored, s => s == key.Hash);
    }

    [Fact]
    public async Task Keys_never_issued_or_altered_are_unknown_and_junk_is_malformed()
    {
        var store = NewStore();
        var (_, key) = await store.AddAsync(CommuneOfficer);
        var altered = key.Secret[..^1] + (key.Secret[^1] == 'A' ? 'B' : 'A');

        Assert.Equal(KeyCheck.Unknown, (await store.FindByKeyAsync(ApiKeys.Generate().Secret)).Check);
        Assert.Equal(KeyCheck.Unknown, (await store.FindByKeyAsync(altered)).Check);
        Assert.Equal(KeyCheck.Malformed, (await store.FindByKeyAsync(key.Secret + " ")).Check);
        Assert.Equal(KeyCheck.Malformed, (await store.FindByKeyAsync(null)).Check);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_and_still_names_its_officer()
    {
        var store = NewStore();
        var (officer, key) = await store.AddAsync(CommuneOfficer);
        _time.Advance(TimeSpan.FromHours(1));

        var revoked = await store.RevokeKeyAsync(key.KeyId);
        _time.Advance(TimeSpan.FromHours(1));
        var again = await store.RevokeKeyAsync(key.KeyId);
        var lookup = await store.FindByKeyAsync(key.Secret);

        Assert.Equal(Monday.AddHours(1), revoked!.RevokedAt);
        Assert.Equal(Monday.AddHours(1), again!.RevokedAt); // revoking twice keeps the first date
        Assert.Equal(KeyCheck.Revoked, lookup.Check);
        Assert.Equal(officer.Id, lookup.Officer!.Id);
        Assert.Null(await store.RevokeKeyAsync("cmp_nosuchkey"));
    }

    [Fact]
    public async Task A_second_key_rotates_the_first()
    {
        var store = NewStore();
        var (officer, first) = await store.AddAsync(CommuneOfficer);
        _time.Advance(TimeSpan.FromMinutes(1));

        var second = await store.IssueKeyAsync(officer.Id);
        await store.RevokeKeyAsync(first.KeyId);

        Assert.Equal(KeyCheck.Revoked, (await store.FindByKeyAsync(first.Secret)).Check);
        Assert.Equal(KeyCheck.Valid, (await store.FindByKeyAsync(second!.Secret)).Check);
        var keys = await store.KeysOfAsync(officer.Id);
        Assert.Equal([first.KeyId, second.KeyId], keys.Select(k => k.KeyId));
        Assert.Equal([true, false], keys.Select(k => k.IsRevoked));
        Assert.Null(await store.IssueKeyAsync("off_000000000000"));
    }

    [Fact]
    public async Task Revoking_an_officer_s_keys_revokes_only_the_active_ones()
    {
        var store = NewStore();
        var (officer, first) = await store.AddAsync(CommuneOfficer);
        var second = await store.IssueKeyAsync(officer.Id);
        await store.RevokeKeyAsync(first.KeyId);

        var revoked = await store.RevokeAllKeysAsync(officer.Id);

        Assert.Equal([second!.KeyId], revoked.Select(k => k.KeyId));
        Assert.All(await store.KeysOfAsync(officer.Id), k => Assert.True(k.IsRevoked));
    }

    [Fact]
    public async Task A_disabled_officer_s_keys_are_refused_until_enabled()
    {
        var store = NewStore();
        var (officer, key) = await store.AddAsync(CommuneOfficer);

        var disabled = await store.SetDisabledAsync(officer.Id, true);
        var whileDisabled = await store.FindByKeyAsync(key.Secret);
        var enabled = await store.SetDisabledAsync(officer.Id, false);

        Assert.True(disabled!.Disabled);
        Assert.Equal(KeyCheck.Disabled, whileDisabled.Check);
        Assert.False(enabled!.Disabled);
        Assert.Equal(KeyCheck.Valid, (await store.FindByKeyAsync(key.Secret)).Check);
        Assert.Null(await store.SetDisabledAsync("off_000000000000", true));
    }

    [Fact]
    public async Task Officers_are_listed_oldest_first_with_what_they_were_given()
    {
        var store = NewStore();
        var (lan, _) = await store.AddAsync(CommuneOfficer);
        _time.Advance(TimeSpan.FromMinutes(1));
        var (minh, _) = await store.AddAsync(new NewOfficer("Trần Văn Minh", OfficerRole.Admin, AreaScope.All));
        _time.Advance(TimeSpan.FromMinutes(1));
        var (hoa, _) = await store.AddAsync(new NewOfficer("Lê Hoa", OfficerRole.Approver, AreaScope.Parse("D01")));

        var list = await store.ListAsync();

        Assert.Equal([lan, minh, hoa], list);
        Assert.Equal(hoa, await store.GetAsync(hoa.Id));
    }

    [Fact]
    public async Task An_invalid_officer_is_not_added()
    {
        var store = NewStore();
        var ex = await Assert.ThrowsAsync<OfficerValidationException>(() =>
            store.AddAsync(new NewOfficer("", OfficerRole.Officer, AreaScope.All)));

        Assert.Equal(2, ex.Problems.Count);
        Assert.Empty(await store.ListAsync());
    }
}
