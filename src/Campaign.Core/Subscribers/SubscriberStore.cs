using System.Globalization;
using System.Text;
using Campaign.Core.Conversations;
using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Subscribers;

/// <summary>
/// Subscribers in Redis, about 100 bytes each with every index: packed records 128 to a hash
/// (<see cref="SubscriberRecord"/>), consents and names in parallel buckets, address → id hashes
/// bucketed by a hash of the address, and exact subscribed counts per (area, channel). Audiences are
/// planned by scanning the record buckets, not from index sets. Every change is one script call,
/// atomic across instances.
/// </summary>
public sealed class SubscriberStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    /// <summary>Rows per import script call: long enough to amortise the round trip, short enough not to stall Redis.</summary>
    private const int ImportBatch = 500;

    /// <summary>Script calls (imports, bucket reads) sent before waiting for the first reply.</summary>
    private const int InFlight = 16;

    private readonly ThemeCodeCache _themes = new(redis, keys);
    private readonly Utf8Interner _strings = new();

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Finds the subscriber for this address or creates a plain contact, and records the inbound time.</summary>
    public async Task<(Subscriber Subscriber, bool Created)> TouchAsync(Channel channel, string address, DateTimeOffset now)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(
            SubscriberScripts.Touch,
            [keys.SubscriberAddresses(channel, address), keys.SubscriberSequence],
            [keys.Prefix, channel.Code().ToString(), address, SubscriberRecord.Time(now)]))!;
        var subscriber = await ToSubscriberAsync((long)result[0], (byte[])result[2]!, (string?)result[3], (string?)result[4]);
        return (subscriber, (long)result[1] == 1);
    }

    public async Task<Subscriber?> FindAsync(Channel channel, string address)
    {
        var result = await Db.ScriptEvaluateAsync(
            SubscriberScripts.Find, [keys.SubscriberAddresses(channel, address)], [keys.Prefix, address]);
        if (result.IsNull)
        {
            return null;
        }
        var parts = (RedisResult[])result!;
        return await ToSubscriberAsync((long)parts[0], (byte[])parts[1]!, (string?)parts[2], (string?)parts[3]);
    }

    public async Task<Subscriber?> GetAsync(long id) => (await GetManyAsync([id])) is [var one] ? one : null;

    /// <summary>The subscribers that exist among <paramref name="ids"/>, in the order asked; one atomic read per bucket, pipelined.</summary>
    public async Task<IReadOnlyList<Subscriber>> GetManyAsync(IReadOnlyList<long> ids)
    {
        var db = Db;
        var reads = ids.Distinct().GroupBy(SubscriberBuckets.BucketOf).Select(bucket =>
        {
            var members = bucket.ToArray();
            var read = db.ScriptEvaluateAsync(
                SubscriberScripts.GetBucket,
                [keys.SubscriberRecords(bucket.Key), keys.SubscriberConsents(bucket.Key), keys.SubscriberNames(bucket.Key)],
                members.Select(id => (RedisValue)SubscriberBuckets.SlotOf(id)).ToArray());
            return (members, read);
        }).ToList();

        var found = new Dictionary<long, Subscriber>(ids.Count);
        foreach (var (members, read) in reads)
        {
            var parts = (RedisResult[])(await read)!;
            var (records, consents, names) = ((RedisResult[])parts[0]!, (RedisResult[])parts[1]!, (RedisResult[])parts[2]!);
            for (var i = 0; i < members.Length; i++)
            {
                if (!records[i].IsNull)
                {
                    found[members[i]] = await ToSubscriberAsync(members[i], (byte[])records[i]!, (string?)consents[i], (string?)names[i]);
                }
            }
        }
        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }

    /// <summary>Subscribes (or re-subscribes) with consent evidence; an area code, when given, replaces the current one.</summary>
    public Task<StatusChange> SubscribeAsync(Subscriber subscriber, Consent consent, string? areaCode = null) =>
        SetStatusAsync(subscriber, SubscriberStatus.Subscribed, consent, areaCode);

    /// <summary>Opts out: effective immediately for every campaign, and re-checked at send time.</summary>
    public Task<StatusChange> OptOutAsync(Subscriber subscriber, Consent consent) =>
        SetStatusAsync(subscriber, SubscriberStatus.OptedOut, consent, null);

    public async Task<bool> IsOptedOutAsync(long id)
    {
        var record = (byte[]?)await Db.HashGetAsync(keys.SubscriberRecords(SubscriberBuckets.BucketOf(id)), SubscriberBuckets.SlotOf(id));
        return record is [var status, ..] && status == (byte)SubscriberStatus.OptedOut.Code();
    }

    public async Task<long> CountSubscribedAsync() =>
        (await Db.HashValuesAsync(keys.SubscriberCounts)).Sum(count => (long)count);

    /// <summary>Subscribed residents per (area, channel), from the counts the scripts keep exact; no scan.</summary>
    public async Task<IReadOnlyList<AreaChannelCount>> CountSubscribedByAreaAsync()
    {
        var counts = new List<AreaChannelCount>();
        foreach (var entry in await Db.HashGetAllAsync(keys.SubscriberCounts))
        {
            var field = (string)entry.Name!;
            var bar = field.LastIndexOf('|');
            var count = (long)entry.Value;
            if (bar >= 0 && bar == field.Length - 2 && ChannelExtensions.TryParseCode(field[^1], out var channel) && count > 0)
            {
                counts.Add(new AreaChannelCount(field[..bar], channel, count));
            }
        }
        return [.. counts.OrderBy(c => c.AreaCode, StringComparer.Ordinal).ThenBy(c => c.Channel)];
    }

    /// <summary>
    /// Imports residents with one consent (the import's), <see cref="ImportBatch"/> rows per script
    /// call, calls pipelined. Opted-out residents are never re-subscribed by an import. Outcomes are
    /// in row order. A new subscriber's creation time is the consent's.
    /// </summary>
    public async Task<IReadOnlyList<ImportOutcome>> ImportAsync(IReadOnlyList<SubscriberImportRow> rows, Consent consent)
    {
        foreach (var row in rows)
        {
            Validate(row);
        }
        var head = new RedisValue[] { keys.Prefix, SubscriberRecord.Time(consent.At), ConsentField.Pack(consent) };
        RedisKey[] scriptKeys = [keys.SubscriberSequence, keys.SubscriberCounts, keys.SubscriberThemes, keys.SubscriberThemeSequence, keys.SubscriberThemeIds];
        var db = Db;
        var outcomes = new List<ImportOutcome>(rows.Count);
        var pending = new Queue<Task<RedisResult>>();
        for (var start = 0; start < rows.Count; start += ImportBatch)
        {
            var batch = Math.Min(ImportBatch, rows.Count - start);
            var args = new RedisValue[head.Length + (batch * 6)];
            head.CopyTo(args, 0);
            var a = head.Length;
            for (var i = start; i < start + batch; i++)
            {
                var row = rows[i];
                args[a++] = row.Channel.Code().ToString();
                args[a++] = keys.SubscriberAddresses(row.Channel, row.Address);
                args[a++] = row.Address;
                args[a++] = row.AreaCode ?? "";
                args[a++] = row.Name ?? "";
                args[a++] = string.Join(',', row.Themes);
            }
            pending.Enqueue(db.ScriptEvaluateAsync(SubscriberScripts.Import, scriptKeys, args));
            if (pending.Count >= InFlight)
            {
                Collect(await pending.Dequeue(), outcomes);
            }
        }
        while (pending.Count > 0)
        {
            Collect(await pending.Dequeue(), outcomes);
        }
        return outcomes;

        static void Collect(RedisResult result, List<ImportOutcome> outcomes)
        {
            foreach (var outcome in (RedisResult[])result!)
            {
                outcomes.Add((ImportOutcome)(int)outcome);
            }
        }
    }

    /// <summary>
    /// Reads <paramref name="bucketCount"/> record buckets from <paramref name="fromBucket"/> (HGETALL,
    /// pipelined) and returns their subscribers in id order, every status included. The last bucket is
    /// the one of the current <c>sub:seq</c>; <see cref="SubscriberPage.NextBucket"/> is null after it.
    /// </summary>
    public async Task<SubscriberPage> ScanAsync(long fromBucket, int bucketCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromBucket);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bucketCount);
        var db = Db;
        var sequence = await db.StringGetAsync(keys.SubscriberSequence);
        var last = SubscriberBuckets.BucketOf(sequence.IsNull ? 0 : (long)sequence);
        if (fromBucket > last)
        {
            return new SubscriberPage([], null);
        }
        var to = Math.Min(last, fromBucket + bucketCount - 1);
        var reads = new Task<HashEntry[]>[to - fromBucket + 1];
        for (var bucket = fromBucket; bucket <= to; bucket++)
        {
            reads[bucket - fromBucket] = db.HashGetAllAsync(keys.SubscriberRecords(bucket));
        }
        var rows = new List<SubscriberRow>(reads.Length * SubscriberBuckets.Size);
        for (var i = 0; i < reads.Length; i++)
        {
            var entries = await reads[i];
            var bucket = fromBucket + i;
            if (!TryReadBucket(bucket, entries, rows, keepUnknownThemes: false))
            {
                // A theme code this instance has not seen: another instance's import gave it out.
                await _themes.RefreshAsync();
                TryReadBucket(bucket, entries, rows, keepUnknownThemes: true);
            }
        }
        return new SubscriberPage(rows, to < last ? to + 1 : null);
    }

    private bool TryReadBucket(long bucket, HashEntry[] entries, List<SubscriberRow> rows, bool keepUnknownThemes)
    {
        var start = rows.Count;
        var ordered = true;
        foreach (var entry in entries)
        {
            if (!entry.Name.TryParse(out long slot))
            {
                throw new InvalidDataException($"{keys.SubscriberRecords(bucket)} has a field that is not a slot: '{entry.Name}'");
            }
            var id = SubscriberBuckets.IdOf(bucket, slot);
            ReadOnlyMemory<byte> packed = entry.Value;
            if (!SubscriberRecordFields.TryParse(packed.Span, out var f))
            {
                throw new InvalidDataException($"subscriber {id} has a malformed record: '{entry.Value}'");
            }
            if (!_themes.TryDecode(f.ThemeCodes, keepUnknownThemes, out var themes))
            {
                rows.RemoveRange(start, rows.Count - start);
                return false;
            }
            ordered &= rows.Count == start || rows[^1].Id < id;
            rows.Add(new SubscriberRow(
                id,
                f.Channel,
                f.Status,
                f.AreaCode.IsEmpty ? null : _strings.Get(f.AreaCode),
                f.Language.IsEmpty ? "vi" : _strings.Get(f.Language),
                themes,
                SubscriberRecord.Time(f.ConsentAt),
                SubscriberRecord.Time(f.LastInboundAt),
                Encoding.UTF8.GetString(f.Address)));
        }
        if (!ordered)
        {
            // Listpack buckets keep insertion (= id) order; a bucket Redis converted to a hashtable does not.
            rows.Sort(start, rows.Count - start, Comparer<SubscriberRow>.Create((x, y) => x.Id.CompareTo(y.Id)));
        }
        return true;
    }

    private async Task<StatusChange> SetStatusAsync(Subscriber subscriber, SubscriberStatus status, Consent consent, string? areaCode)
    {
        if (areaCode is not null && areaCode.Contains('|', StringComparison.Ordinal))
        {
            throw new ArgumentException($"an area code cannot contain '|': '{areaCode}'", nameof(areaCode));
        }
        var bucket = SubscriberBuckets.BucketOf(subscriber.Id);
        var result = await Db.ScriptEvaluateAsync(
            SubscriberScripts.SetStatus,
            [keys.SubscriberRecords(bucket), keys.SubscriberConsents(bucket), keys.SubscriberNames(bucket), keys.SubscriberCounts],
            [
                SubscriberBuckets.SlotOf(subscriber.Id),
                status.Code().ToString(),
                SubscriberRecord.Time(consent.At),
                ConsentField.Pack(consent),
                areaCode ?? "",
            ]);
        if (result.IsNull)
        {
            throw new InvalidOperationException($"subscriber {subscriber.Id} does not exist");
        }
        var parts = (RedisResult[])result!;
        if (!SubscriberStatusExtensions.TryParseCode(((string)parts[0]!)[0], out var previous))
        {
            throw new InvalidDataException($"subscriber {subscriber.Id} had an unknown status '{parts[0]}'");
        }
        var change = new StatusChange(previous, await ToSubscriberAsync(subscriber.Id, (byte[])parts[1]!, (string?)parts[2], (string?)parts[3]));
        if (change.Changed && status == SubscriberStatus.OptedOut)
        {
            await CountOptOutAsync(change.Subscriber, consent.At);
        }
        return change;
    }

    /// <summary>
    /// Adds the opt-out to its local day's tally (the console's "opt-outs this week" and area reports).
    /// A statistic, not a record: written after the status change, so a crash between the two loses one count.
    /// </summary>
    private async Task CountOptOutAsync(Subscriber subscriber, DateTimeOffset at)
    {
        var key = keys.OptOutsOfDay(DateOnly.FromDateTime(Campaigns.CampaignSchedule.ToLocal(at)));
        var field = $"{subscriber.AreaCode ?? ""}|{subscriber.Channel.Code()}";
        var batch = Db.CreateBatch();
        var increment = batch.HashIncrementAsync(key, field);
        var expire = batch.KeyExpireAsync(key, OptOutCounts.Retention);
        batch.Execute();
        await Task.WhenAll(increment, expire);
    }

    private async Task<Subscriber> ToSubscriberAsync(long id, byte[] packed, string? consent, string? name)
    {
        if (!SubscriberRecord.TryParse(packed, out var record))
        {
            throw new InvalidDataException($"subscriber {id} has a malformed record: '{Encoding.UTF8.GetString(packed)}'");
        }
        return new Subscriber
        {
            Id = id,
            Channel = record.Channel,
            Address = record.Address,
            Status = record.Status,
            AreaCode = record.AreaCode,
            Themes = await _themes.DecodeAsync(string.Join(',', record.ThemeCodes)),
            Language = record.Language,
            Consent = ConsentField.Parse(consent, record.ConsentAt),
            CreatedAt = record.CreatedAt ?? DateTimeOffset.UnixEpoch,
            LastInboundAt = record.LastInboundAt,
            Name = name,
        };
    }

    private static void Validate(SubscriberImportRow row)
    {
        if (string.IsNullOrEmpty(row.Address))
        {
            throw new ArgumentException("an import row needs an address", nameof(row));
        }
        if (row.AreaCode is not null && row.AreaCode.Contains('|', StringComparison.Ordinal))
        {
            throw new ArgumentException($"an area code cannot contain '|': '{row.AreaCode}'", nameof(row));
        }
        foreach (var theme in row.Themes)
        {
            if (theme.Length == 0 || theme.AsSpan().IndexOfAny(',', '|') >= 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"theme id '{theme}' is empty or contains ',' or '|'"), nameof(row));
            }
        }
    }
}
