using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Fanout;

/// <summary>An entry of a <see cref="BulkOutbox"/>: its stream id and the chunk it carries.</summary>
public sealed record BulkEntry(string EntryId, RecipientChunk Chunk);

/// <summary>
/// A channel's queue of campaign chunks: a Redis stream read through consumer group "bulk" (so any
/// instance takes any chunk, and a dead instance's chunks are claimed by another once idle), and a
/// sorted set of chunks put aside until a time.
/// </summary>
public sealed class BulkOutbox(IConnectionMultiplexer redis, RedisKeys keys, Channel channel)
{
    public const string Group = "bulk";

    private IDatabase Db => redis.GetDatabase();

    public Channel Channel => channel;
    public string Stream => keys.BulkOutbox(channel);
    public string Later => keys.BulkLater(channel);

    public Task<IReadOnlyList<BulkEntry>> ReadAsync(string consumer, int count) =>
        WithGroupAsync(async () => ToEntries(await Db.StreamReadGroupAsync(Stream, Group, consumer, ">", count)));

    /// <summary>Chunks another consumer took and left idle for <paramref name="minIdle"/>: it died.</summary>
    public Task<IReadOnlyList<BulkEntry>> ClaimAbandonedAsync(string consumer, TimeSpan minIdle, int count) =>
        WithGroupAsync(async () => ToEntries((await Db.StreamAutoClaimAsync(Stream, Group, consumer, (long)minIdle.TotalMilliseconds, "0-0", count)).ClaimedEntries));

    /// <summary>Resets the entry's idle time, so a chunk being worked slowly (a paced provider) is not taken over.</summary>
    public Task KeepAsync(string consumer, string entryId) =>
        Db.StreamClaimIdsOnlyAsync(Stream, Group, consumer, 0, [entryId]);

    /// <summary>Puts chunks that are due back into the stream; returns how many.</summary>
    public async Task<int> PromoteDueAsync(DateTimeOffset now, int max = 100) =>
        (int)await Db.ScriptEvaluateAsync(DeliveryScripts.PromoteDue, [Later, Stream], [now.ToUnixTimeMilliseconds(), max, "k"]);

    /// <summary>Chunks waiting in the stream and put aside: the backlog an operator watches.</summary>
    public async Task<(long Queued, long Later)> CountAsync() =>
        (await Db.StreamLengthAsync(Stream), await Db.SortedSetLengthAsync(Later));

    private async Task<IReadOnlyList<BulkEntry>> WithGroupAsync(Func<Task<IReadOnlyList<BulkEntry>>> read)
    {
        try
        {
            return await read();
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
        {
            try
            {
                await Db.StreamCreateConsumerGroupAsync(Stream, Group, "0-0", createStream: true);
            }
            catch (RedisServerException busy) when (busy.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
            {
            }
            return await read();
        }
    }

    private static BulkEntry[] ToEntries(StreamEntry[] entries) =>
        entries.Where(e => !e.IsNull).Select(e => new BulkEntry(e.Id.ToString(), RecipientChunk.Decode((byte[])e["k"]!))).ToArray();
}
