using System.Globalization;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Redis;
using Campaign.Core.Subscribers;
using StackExchange.Redis;

namespace Campaign.Core.Fanout;

/// <summary>
/// The at-most-once bookkeeping of an occurrence's recipients, one script call per step: planned
/// chunks in, a batch claimed (checked and marked sent), its outcomes recorded, the chunk finished;
/// plus receipts and replies credited back. See <see cref="FanoutScripts"/>.
/// </summary>
public sealed class RecipientLedger(IConnectionMultiplexer redis, RedisKeys keys, FanoutOptions options)
{
    private IDatabase Db => redis.GetDatabase();

    /// <summary>Chunk numbers for the next <paramref name="count"/> chunks of an occurrence (gaps are harmless).</summary>
    public async Task<long> ReserveChunkNumbersAsync(string occurrenceId, int count) =>
        await Db.HashIncrementAsync(keys.Occurrence(occurrenceId), "chunkseq", count) - count + 1;

    /// <summary>Adds planned chunks and moves the cursor; null when the lease was lost (another instance plans it now), true when the occurrence is already complete.</summary>
    public async Task<bool?> EmitAsync(string occurrenceId, string instance, DateTimeOffset now, TimeSpan lease, long nextCursor, long targeted, bool final, IReadOnlyList<(Channel Channel, RecipientChunk Chunk)> chunks)
    {
        var streams = chunks.Select(c => c.Channel).Distinct().ToList();
        var keyList = new List<RedisKey> { keys.Occurrence(occurrenceId), keys.OpenOccurrences };
        keyList.AddRange(streams.Select(c => (RedisKey)keys.BulkOutbox(c)));
        var args = new List<RedisValue>
        {
            instance, now.ToUnixTimeMilliseconds(), (now + lease).ToUnixTimeMilliseconds(), nextCursor, targeted,
            final ? "1" : "0", occurrenceId, chunks.Count,
        };
        foreach (var (channel, chunk) in chunks)
        {
            args.Add(3 + streams.IndexOf(channel));
            args.Add(chunk.Encode());
        }
        var result = (long)await Db.ScriptEvaluateAsync(FanoutScripts.Emit, [.. keyList], [.. args]);
        return result switch { 0 => null, 2 => true, _ => false };
    }

    /// <summary>The chunk's position (recipients already claimed).</summary>
    public async Task<long> PositionAsync(string occurrenceId, long chunk)
    {
        var progress = (string?)await Db.HashGetAsync(keys.Occurrence(occurrenceId), $"c:{chunk.ToString(CultureInfo.InvariantCulture)}");
        return progress is null ? 0 : long.Parse(progress.AsSpan(0, progress.IndexOf(',')), CultureInfo.InvariantCulture);
    }

    /// <summary>Claims the next recipients of a chunk from <paramref name="position"/>.</summary>
    public async Task<ClaimedBatch> ClaimAsync(RecipientChunk chunk, Channel channel, long position, ReadOnlyMemory<long> ids, DateTimeOffset now)
    {
        var window = options.WindowFor(channel.Key());
        var args = new RedisValue[12 + ids.Length];
        args[0] = keys.Prefix;
        args[1] = chunk.Number;
        args[2] = position;
        args[3] = now.ToUnixTimeSeconds();
        args[4] = channel.Code().ToString();
        args[5] = window is { } w ? (long)w.TotalSeconds : 0;
        args[6] = options.FrequencyCap;
        args[7] = (long)options.FrequencyWindow.TotalSeconds;
        args[8] = chunk.OccurrenceId;
        args[9] = chunk.IsRetry ? "retry" : "first";
        args[10] = (long)(options.FrequencyWindow > options.ReplyWindow ? options.FrequencyWindow : options.ReplyWindow).TotalSeconds + 3600;
        args[11] = (long)options.RecipientRetention.TotalSeconds;
        var span = ids.Span;
        for (var i = 0; i < span.Length; i++)
        {
            args[12 + i] = span[i];
        }
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(
            FanoutScripts.Claim,
            [keys.Occurrence(chunk.OccurrenceId), keys.OccurrenceSent(chunk.OccurrenceId), keys.DoNotContact, keys.OccurrenceTimeline(chunk.OccurrenceId)],
            args))!;
        var newPosition = (long)result[0];
        if (newPosition < 0)
        {
            return new ClaimedBatch((long)result[1], [], 0, Stale: true);
        }
        var recipients = new ClaimedRecipient[(int)(long)result[1]];
        for (var i = 0; i < recipients.Length; i++)
        {
            var area = (string?)result[5 + 3 * i];
            recipients[i] = new ClaimedRecipient((long)result[3 + 3 * i], (string)result[4 + 3 * i]!, string.IsNullOrEmpty(area) ? null : area);
        }
        return new ClaimedBatch(newPosition, recipients, (long)result[2]);
    }

    /// <summary>Records a claimed batch's outcomes (and puts a retry chunk aside); false when a successor had already taken the chunk over.</summary>
    public async Task<bool> RecordAsync(RecipientChunk chunk, Channel channel, long position, IReadOnlyDictionary<string, long> counters, DateTimeOffset now, RecipientChunk? retry = null, DateTimeOffset? retryDue = null)
    {
        var args = new List<RedisValue> { chunk.Number, position, now.ToUnixTimeSeconds(), (long)options.RecipientRetention.TotalSeconds, counters.Count };
        foreach (var (field, delta) in counters)
        {
            args.Add(field);
            args.Add(delta);
        }
        if (retry is not null)
        {
            args.Add(retry.Encode());
            args.Add(retryDue!.Value.ToUnixTimeMilliseconds());
        }
        return (long)await Db.ScriptEvaluateAsync(FanoutScripts.Record, [keys.Occurrence(chunk.OccurrenceId), keys.BulkLater(channel), keys.OccurrenceTimeline(chunk.OccurrenceId)], [.. args]) == 1;
    }

    /// <summary>Counts the rest of a chunk as skipped for <paramref name="reason"/>; false when another dispatcher had moved it on.</summary>
    public async Task<bool> SkipRestAsync(RecipientChunk chunk, long position, string reason, DateTimeOffset now) =>
        (long)await Db.ScriptEvaluateAsync(
            FanoutScripts.SkipRest, [keys.Occurrence(chunk.OccurrenceId), keys.OccurrenceTimeline(chunk.OccurrenceId)],
            [chunk.Number, position, chunk.Ids.Length, reason, chunk.IsRetry ? "1" : "0", now.ToUnixTimeSeconds(), (long)options.RecipientRetention.TotalSeconds]) == 1;

    /// <summary>Finishes a chunk; true when that completed its occurrence.</summary>
    public async Task<bool> CompleteAsync(BulkOutbox queue, BulkEntry entry, DateTimeOffset now) =>
        (long)await Db.ScriptEvaluateAsync(
            FanoutScripts.Complete,
            [keys.Occurrence(entry.Chunk.OccurrenceId), queue.Stream, keys.OpenOccurrences],
            [entry.EntryId, BulkOutbox.Group, entry.Chunk.Number, entry.Chunk.OccurrenceId, now.ToUnixTimeMilliseconds()]) == 1;

    /// <summary>Puts a chunk aside until <paramref name="due"/>, counting its remaining recipients as deferred when asked.</summary>
    public async Task DeferAsync(BulkOutbox queue, BulkEntry entry, DateTimeOffset due, long countDeferred)
    {
        var chunk = countDeferred > 0 ? entry.Chunk with { DeferCounted = true } : entry.Chunk;
        await Db.ScriptEvaluateAsync(
            FanoutScripts.Defer,
            [queue.Stream, queue.Later, keys.Occurrence(entry.Chunk.OccurrenceId)],
            [entry.EntryId, BulkOutbox.Group, due.ToUnixTimeMilliseconds(), chunk.Encode(), countDeferred]);
    }

    /// <summary>Applies a provider receipt to one recipient of an occurrence, forward only.</summary>
    public async Task<ReceiptResult> ApplyReceiptAsync(BulkDeliveryId id, DeliveryStatus status, string? errorCode)
    {
        string counters = status switch
        {
            DeliveryStatus.Delivered => "delivered",
            DeliveryStatus.Read => "delivered,read",
            DeliveryStatus.Undelivered or DeliveryStatus.Failed => "undl:" + (string.IsNullOrWhiteSpace(errorCode) ? "undelivered" : errorCode.Trim()),
            _ => "",
        };
        if (counters.Length == 0)
        {
            return ReceiptResult.Stale;   // "sent" or earlier: what we already know
        }
        var result = (long)await Db.ScriptEvaluateAsync(
            FanoutScripts.Receipt,
            [keys.Occurrence(id.OccurrenceId), keys.OccurrenceReceipts(id.OccurrenceId, id.SubscriberId >> 7)],
            [id.SubscriberId & 127, status.Rank(), counters, (long)options.RecipientRetention.TotalSeconds]);
        return result switch { 1 => ReceiptResult.Applied, 0 => ReceiptResult.Stale, _ => ReceiptResult.UnknownDelivery };
    }

    /// <summary>Credits a resident's message to the occurrence that last wrote to them (once, within the reply window).</summary>
    public async Task<bool> CreditReplyAsync(long subscriberId, DateTimeOffset now) =>
        (long)await Db.ScriptEvaluateAsync(FanoutScripts.Reply, [], [keys.Prefix, subscriberId, now.ToUnixTimeSeconds(), (long)options.ReplyWindow.TotalSeconds]) == 1;
}
