using Campaign.Core.Conversations;
using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Delivery;

/// <summary>
/// A channel's queue of deliveries to send: a Redis stream read through one consumer group, so any
/// instance's dispatcher can take an entry, and an entry a crashed dispatcher held is claimed by
/// another after it has been idle long enough. Retries wait in a sorted set until they are due.
/// </summary>
public sealed class Outbox(IConnectionMultiplexer redis, RedisKeys keys, Channel channel)
{
    public const string Group = "dispatch";

    private IDatabase Db => redis.GetDatabase();
    private string Stream => keys.Outbox(channel);

    public Channel Channel => channel;

    public async Task EnsureGroupAsync()
    {
        try
        {
            // From the start of the stream: entries added before the group existed are still sent.
            await Db.StreamCreateConsumerGroupAsync(Stream, Group, "0-0", createStream: true);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
        }
    }

    /// <summary>New entries for this consumer.</summary>
    public Task<IReadOnlyList<OutboxEntry>> ReadAsync(string consumer, int count) =>
        WithGroupAsync(async () => ToEntries(await Db.StreamReadGroupAsync(Stream, Group, consumer, ">", count)));

    /// <summary>Entries another consumer took and has not acknowledged for <paramref name="minIdle"/>: it probably died.</summary>
    public Task<IReadOnlyList<OutboxEntry>> ClaimAbandonedAsync(string consumer, TimeSpan minIdle, int count) =>
        WithGroupAsync(async () => ToEntries((await Db.StreamAutoClaimAsync(Stream, Group, consumer, (long)minIdle.TotalMilliseconds, "0-0", count)).ClaimedEntries));

    // The group is created on first use, and again if the stream was deleted under us (a flushed Redis).
    private async Task<IReadOnlyList<OutboxEntry>> WithGroupAsync(Func<Task<IReadOnlyList<OutboxEntry>>> read)
    {
        try
        {
            return await read();
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
        {
            await EnsureGroupAsync();
            return await read();
        }
    }

    /// <summary>Done with an entry (whatever the outcome): acknowledged and removed, so the stream stays small.</summary>
    public async Task CompleteAsync(string entryId)
    {
        var tran = Db.CreateTransaction();
        _ = tran.StreamAcknowledgeAsync(Stream, Group, entryId);
        _ = tran.StreamDeleteAsync(Stream, [entryId]);
        await tran.ExecuteAsync();
    }

    public Task ScheduleRetryAsync(string deliveryId, DateTimeOffset due) =>
        Db.SortedSetAddAsync(keys.OutboxRetries(channel), deliveryId, due.ToUnixTimeMilliseconds());

    /// <summary>Puts retries that are due back in the stream; returns how many.</summary>
    public async Task<int> PromoteDueAsync(DateTimeOffset now, int max = 500) =>
        (int)await Db.ScriptEvaluateAsync(DeliveryScripts.PromoteDue, [keys.OutboxRetries(channel), Stream], [now.ToUnixTimeMilliseconds(), max, "d"]);

    /// <summary>
    /// True while messages wait that no dispatcher has read yet: campaign batches hold back so replies
    /// go first. Uses the group's lag (Redis 7); entries held by a dead consumer do not count.
    /// </summary>
    public async Task<bool> HasWaitingAsync()
    {
        try
        {
            var groups = await Db.StreamGroupInfoAsync(Stream);
            var group = groups.FirstOrDefault(g => g.Name == Group);
            if (group.Name is null)
            {
                return false;
            }
            if (group.Lag is { } lag)
            {
                return lag > 0;
            }
            // Lag is unknown once entries were deleted: compare the newest id with the group's last delivered one.
            var info = await Db.StreamInfoAsync(Stream);
            return info.LastGeneratedId != group.LastDeliveredId;
        }
        catch (RedisServerException)
        {
            return false;   // no stream yet: nothing waiting
        }
    }

    /// <summary>Entries waiting (not yet read) plus retries scheduled: what an operator sees as the backlog.</summary>
    public async Task<(long Pending, long Retrying)> CountAsync()
    {
        var length = await Db.StreamLengthAsync(Stream);
        var retrying = await Db.SortedSetLengthAsync(keys.OutboxRetries(channel));
        return (length, retrying);
    }

    private static OutboxEntry[] ToEntries(StreamEntry[] entries) =>
        entries.Where(e => !e.IsNull).Select(e => new OutboxEntry(e.Id.ToString(), e["d"].ToString())).ToArray();
}

/// <summary>One outbox stream entry: its id and the delivery it points at.</summary>
public sealed record OutboxEntry(string EntryId, string DeliveryId);
