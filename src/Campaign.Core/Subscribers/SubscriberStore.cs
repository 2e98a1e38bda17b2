using Campaign.Core.Conversations;
using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Subscribers;

/// <summary>
/// Subscribers in Redis: one hash per subscriber, an address → id hash per channel, and index sets
/// of ids for audiences. Every change is one script call, atomic across instances.
/// </summary>
public sealed class SubscriberStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    private IDatabase Db => redis.GetDatabase();

    /// <summary>Finds the subscriber for this address or creates a plain contact, and records the inbound time.</summary>
    public async Task<(Subscriber Subscriber, bool Created)> TouchAsync(Channel channel, string address, DateTimeOffset now)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(
            SubscriberScripts.Touch,
            [keys.SubscriberByAddress(channel), keys.SubscriberSequence],
            [keys.Prefix, channel.Key(), address, now.ToUnixTimeMilliseconds()]))!;
        var id = (long)result[0];
        return (SubscriberHash.Parse(id, (RedisResult[])result[2]!), (long)result[1] == 1);
    }

    public async Task<Subscriber?> FindAsync(Channel channel, string address)
    {
        var id = await Db.HashGetAsync(keys.SubscriberByAddress(channel), address);
        return id.IsNull ? null : await GetAsync((long)id);
    }

    public async Task<Subscriber?> GetAsync(long id)
    {
        var fields = await Db.HashGetAllAsync(keys.Subscriber(id));
        return fields.Length == 0 ? null : SubscriberHash.Parse(id, fields);
    }

    /// <summary>Subscribes (or re-subscribes) with consent evidence; an area code, when given, replaces the current one.</summary>
    public Task<StatusChange> SubscribeAsync(Subscriber subscriber, Consent consent, string? areaCode = null) =>
        SetStatusAsync(subscriber, SubscriberStatus.Subscribed, consent, areaCode);

    /// <summary>Opts out: effective immediately for every campaign, and re-checked at send time.</summary>
    public Task<StatusChange> OptOutAsync(Subscriber subscriber, Consent consent) =>
        SetStatusAsync(subscriber, SubscriberStatus.OptedOut, consent, null);

    public async Task<bool> IsOptedOutAsync(long id) => await Db.SetContainsAsync(keys.OptedOutSet, id);

    public async Task<long> CountSubscribedAsync() => await Db.SetLengthAsync(keys.SubscribedSet);

    private async Task<StatusChange> SetStatusAsync(Subscriber subscriber, SubscriberStatus status, Consent consent, string? areaCode)
    {
        var result = await Db.ScriptEvaluateAsync(
            SubscriberScripts.SetStatus,
            [keys.SubscribedSet, keys.OptedOutSet, keys.ChannelSet(subscriber.Channel)],
            [
                keys.Prefix,
                subscriber.Id,
                SubscriberHash.StatusKey(status),
                consent.At.ToUnixTimeMilliseconds(),
                consent.Via,
                consent.Evidence ?? "",
                areaCode ?? "",
            ]);
        if (result.IsNull)
        {
            throw new InvalidOperationException($"subscriber {subscriber.Id} does not exist");
        }
        var parts = (RedisResult[])result!;
        var previous = SubscriberHash.ParseStatus((string)parts[0]!);
        return new StatusChange(previous, SubscriberHash.Parse(subscriber.Id, (RedisResult[])parts[1]!));
    }
}
