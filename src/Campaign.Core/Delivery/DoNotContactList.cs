using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Delivery;

/// <summary>
/// Addresses that must never receive a campaign message, whatever their subscription says (a
/// resident who complained by phone, a number the commune was asked to leave alone). One Redis set
/// of addresses, E.164 for SMS ("+84912345678"), so it holds people who are not subscribers too.
/// Callers normalise before asking; sending checks it at send time, not at planning.
/// </summary>
public sealed class DoNotContactList(IConnectionMultiplexer redis, RedisKeys keys)
{
    // One SADD carries at most this many members, so a large import never blocks Redis for long.
    private const int AddChunk = 1000;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Adds addresses; returns how many were not listed before.</summary>
    public async Task<long> AddAsync(IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        long added = 0;
        foreach (var chunk in addresses.Where(a => !string.IsNullOrEmpty(a)).Chunk(AddChunk))
        {
            added += await Db.SetAddAsync(keys.DoNotContact, [.. chunk.Select(a => (RedisValue)a)]);
        }
        return added;
    }

    /// <summary>Removes one address; false when it was not listed.</summary>
    public Task<bool> RemoveAsync(string address) => Db.SetRemoveAsync(keys.DoNotContact, address);

    public Task<bool> ContainsAsync(string address) => Db.SetContainsAsync(keys.DoNotContact, address);

    /// <summary>Whether each address is listed, in one round trip: what a send batch needs.</summary>
    public async Task<bool[]> ContainsAsync(IReadOnlyList<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        return addresses.Count == 0 ? [] : await Db.SetContainsAsync(keys.DoNotContact, [.. addresses.Select(a => (RedisValue)a)]);
    }

    public Task<long> CountAsync() => Db.SetLengthAsync(keys.DoNotContact);
}
