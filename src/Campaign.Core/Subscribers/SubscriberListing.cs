using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Subscribers;

/// <summary>
/// Pages through the subscribed residents of some areas, for officers looking at their own areas.
/// Reads <see cref="SubscriberStore"/>'s area index (<see cref="RedisKeys.AreaSet"/>: the subscribed
/// ids whose area is exactly that code), so it lists subscribed residents only, by ascending id.
/// </summary>
public sealed class SubscriberListing(IConnectionMultiplexer redis, RedisKeys keys, SubscriberStore store)
{
    /// <param name="areaCodes">Exact area codes: the caller expands an area to the areas below it.</param>
    /// <returns>How many there are in all, and the page.</returns>
    public async Task<(long Total, IReadOnlyList<Subscriber> Page)> SubscribedInAsync(IEnumerable<string> areaCodes, int skip, int take)
    {
        ArgumentNullException.ThrowIfNull(areaCodes);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var db = redis.GetDatabase();
        var sets = await Task.WhenAll(areaCodes.Distinct(StringComparer.Ordinal).Select(code => db.SetMembersAsync(keys.AreaSet(code))));
        var ids = new SortedSet<long>(sets.SelectMany(members => members).Select(member => (long)member));
        var page = await Task.WhenAll(ids.Skip(skip).Take(take).Select(store.GetAsync));
        return (ids.Count, [.. page.OfType<Subscriber>()]);
    }
}
