using Campaign.Core.Delivery;
using Campaign.Core.Redis;
using Campaign.TestSupport;

namespace Campaign.Core.Tests.Delivery;

[Collection(UsesRedis.Name)]
public sealed class DoNotContactListTests(RedisServer redis)
{
    [Fact]
    public async Task Adding_counts_only_new_addresses_and_a_batch_is_checked_in_one_call()
    {
        var keys = new RedisKeys(redis.NewPrefix());
        var list = new DoNotContactList(redis.Connection, keys);

        Assert.Equal(2, await list.AddAsync(["+84912345001", "+84912345002", "+84912345001"]));
        Assert.Equal(1, await list.AddAsync(["+84912345002", "+84912345003", ""]));
        var found = await list.ContainsAsync(["+84912345003", "+84912345004", "+84912345001"]);

        Assert.Equal([true, false, true], found);
        Assert.Equal(3, await list.CountAsync());
        Assert.True(await redis.Connection.GetDatabase().KeyExistsAsync(keys.Prefix + "dnc"));
    }

    [Fact]
    public async Task Removing_says_whether_the_address_was_listed()
    {
        var list = new DoNotContactList(redis.Connection, new RedisKeys(redis.NewPrefix()));
        await list.AddAsync(["+84912345001"]);

        Assert.True(await list.RemoveAsync("+84912345001"));
        Assert.False(await list.RemoveAsync("+84912345001"));
        Assert.False(await list.ContainsAsync("+84912345001"));
        Assert.Empty(await list.ContainsAsync(Array.Empty<string>()));
    }

    [Fact]
    public async Task A_large_import_goes_in_chunks()
    {
        var list = new DoNotContactList(redis.Connection, new RedisKeys(redis.NewPrefix()));
        var numbers = Enumerable.Range(0, 2500).Select(i => $"+849123{i:D5}").ToArray();

        Assert.Equal(2500, await list.AddAsync(numbers));
        Assert.Equal(2500, await list.CountAsync());
    }
}
