using System.Globalization;
using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Occurrences;

/// <summary>
/// Occurrences in Redis: one hash each (status, claim, planning cursor and lease, counters), indexed
/// per campaign by fire time, plus the set of open ones. Claiming is one script call, so of all the
/// instances whose trigger fires, exactly one gets the work.
/// </summary>
public sealed class OccurrenceStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    private IDatabase Db => redis.GetDatabase();

    /// <summary>Claims the occurrence to run it now; false when another instance (or an earlier run) already has.</summary>
    public Task<bool> ClaimAsync(string campaignId, DateTimeOffset fireAt, string instance, DateTimeOffset now, TimeSpan lease) =>
        CreateAsync(campaignId, fireAt, instance, now, OccurrenceStatus.Planning, "", now + lease);

    /// <summary>Records a fire that will not run (down past the grace period, campaign paused); false when it already exists.</summary>
    public Task<bool> RecordMissedAsync(string campaignId, DateTimeOffset fireAt, string instance, DateTimeOffset now, string reason) =>
        CreateAsync(campaignId, fireAt, instance, now, OccurrenceStatus.Missed, reason, now);

    private async Task<bool> CreateAsync(string campaignId, DateTimeOffset fireAt, string instance, DateTimeOffset now, OccurrenceStatus status, string reason, DateTimeOffset leaseUntil)
    {
        var id = OccurrenceId.For(campaignId, fireAt);
        var created = (long)await Db.ScriptEvaluateAsync(
            OccurrenceScripts.Claim,
            [keys.Occurrence(id), keys.OccurrencesOf(campaignId), keys.OpenOccurrences],
            [id, campaignId, fireAt.ToUnixTimeMilliseconds(), instance, now.ToUnixTimeMilliseconds(), status.Key(), reason, leaseUntil.ToUnixTimeMilliseconds()]);
        return created == 1;
    }

    /// <summary>Whether this fire has been claimed or recorded as missed already.</summary>
    public async Task<bool> ExistsAsync(string campaignId, DateTimeOffset fireAt) =>
        await Db.KeyExistsAsync(keys.Occurrence(OccurrenceId.For(campaignId, fireAt)));

    /// <summary>Takes or renews the planning lease; the cursor to resume planning from, or null when not ours to plan.</summary>
    public async Task<long?> TakeLeaseAsync(string occurrenceId, string instance, DateTimeOffset now, TimeSpan lease)
    {
        var cursor = (long)await Db.ScriptEvaluateAsync(
            OccurrenceScripts.TakeLease, [keys.Occurrence(occurrenceId)],
            [instance, now.ToUnixTimeMilliseconds(), (now + lease).ToUnixTimeMilliseconds()]);
        return cursor < 0 ? null : cursor;
    }

    /// <summary>Stops an open occurrence: no further planning; dispatchers skip what is left as "cancelled".</summary>
    public async Task CancelAsync(string occurrenceId, DateTimeOffset now) =>
        await Db.ScriptEvaluateAsync(OccurrenceScripts.Cancel, [keys.Occurrence(occurrenceId), keys.OpenOccurrences], [occurrenceId, now.ToUnixTimeMilliseconds()]);

    public async Task<Occurrence?> GetAsync(string occurrenceId)
    {
        var fields = await Db.HashGetAllAsync(keys.Occurrence(occurrenceId));
        return fields.Length == 0 ? null : Parse(occurrenceId, fields);
    }

    /// <summary>A campaign's occurrences, latest fire first.</summary>
    public async Task<IReadOnlyList<Occurrence>> ListAsync(string campaignId, int take = 50)
    {
        var ids = await Db.SortedSetRangeByRankAsync(keys.OccurrencesOf(campaignId), 0, take - 1, Order.Descending);
        var batch = Db.CreateBatch();
        var reads = ids.Select(id => (Id: (string)id!, Fields: batch.HashGetAllAsync(keys.Occurrence((string)id!)))).ToArray();
        batch.Execute();
        var list = new List<Occurrence>(reads.Length);
        foreach (var (id, fields) in reads)
        {
            if ((await fields) is { Length: > 0 } found)
            {
                list.Add(Parse(id, found));
            }
        }
        return list;
    }

    /// <summary>Ids of the occurrences still planning or sending, on any instance.</summary>
    public async Task<IReadOnlyList<string>> ListOpenAsync() =>
        (await Db.SortedSetRangeByRankAsync(keys.OpenOccurrences)).Select(v => (string)v!).ToArray();

    private static Occurrence Parse(string id, HashEntry[] entries)
    {
        var f = entries.ToDictionary(e => (string)e.Name!, e => (string)e.Value!, StringComparer.Ordinal);
        var skipped = new Dictionary<string, long>(StringComparer.Ordinal);
        var failed = new Dictionary<string, long>(StringComparer.Ordinal);
        var undelivered = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, value) in f)
        {
            var target = name.StartsWith("skip:", StringComparison.Ordinal) ? skipped
                : name.StartsWith("fail:", StringComparison.Ordinal) ? failed
                : name.StartsWith("undl:", StringComparison.Ordinal) ? undelivered
                : null;
            if (target is not null && Number(value) is var n && n != 0)
            {
                target[name[5..]] = n;
            }
        }
        return new Occurrence
        {
            Id = id,
            CampaignId = f.GetValueOrDefault("campaign", ""),
            FireAt = Time(f.GetValueOrDefault("fire"))!.Value,
            Status = OccurrenceStatusExtensions.Parse(f.GetValueOrDefault("status")),
            Reason = f.GetValueOrDefault("reason"),
            ClaimedBy = f.GetValueOrDefault("by"),
            ClaimedAt = Time(f.GetValueOrDefault("claimed")),
            PlannedAt = Time(f.GetValueOrDefault("planned")),
            CompletedAt = Time(f.GetValueOrDefault("completed")),
            Chunks = Number(f.GetValueOrDefault("chunks")),
            ChunksDone = Number(f.GetValueOrDefault("done")),
            Stats = new OccurrenceStats
            {
                Targeted = Number(f.GetValueOrDefault("targeted")),
                Deferred = Number(f.GetValueOrDefault("deferred")),
                Sent = Number(f.GetValueOrDefault("sent")),
                Delivered = Number(f.GetValueOrDefault("delivered")),
                Read = Number(f.GetValueOrDefault("read")),
                Unknown = Number(f.GetValueOrDefault("unknown")),
                Retrying = Number(f.GetValueOrDefault("retrying")),
                Replies = Number(f.GetValueOrDefault("replies")),
                Skipped = skipped,
                Failed = failed,
                Undelivered = undelivered,
            },
        };
    }

    private static long Number(string? value) => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static DateTimeOffset? Time(string? unixMs) =>
        long.TryParse(unixMs, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
