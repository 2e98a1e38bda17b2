using System.Globalization;
using System.Text.Json;
using Campaign.Core.Conversations;
using Campaign.Core.Fanout;
using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Delivery;

/// <summary>
/// Deliveries in Redis: one hash each, created together with their outbox entry (so an accepted
/// message is never lost), moved forward by the dispatcher and by receipts, and counted per day
/// for cost reports.
/// </summary>
/// <param name="redis">The connection.</param>
/// <param name="keys">Key names.</param>
/// <param name="time">The clock.</param>
/// <param name="campaignRecipients">Where receipts for campaign messages (<see cref="BulkDeliveryId"/>) go; they have no delivery hash.</param>
public sealed class DeliveryStore(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider time, RecipientLedger? campaignRecipients = null)
{
    /// <summary>How long a delivery record is kept after it is created.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(35);

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Stores a new queued delivery and appends it to its channel's outbox, in one transaction.</summary>
    public async Task<Delivery> EnqueueAsync(Delivery delivery)
    {
        var stored = delivery with { Status = DeliveryStatus.Queued, CreatedAt = time.GetUtcNow(), UpdatedAt = time.GetUtcNow() };
        var tran = Db.CreateTransaction();
        var key = keys.Delivery(stored.Id);
        _ = tran.HashSetAsync(key, ToHash(stored));
        _ = tran.KeyExpireAsync(key, Retention);
        _ = tran.StreamAddAsync(keys.Outbox(stored.Channel), "d", stored.Id);
        await tran.ExecuteAsync();
        return stored;
    }

    /// <summary>Stores a new queued delivery outside the outbox, for a caller that sends it at once (<see cref="DeliveryDispatcher.SendNowAsync"/>).</summary>
    public async Task<Delivery> CreateAsync(Delivery delivery)
    {
        var stored = delivery with { Status = DeliveryStatus.Queued, CreatedAt = time.GetUtcNow(), UpdatedAt = time.GetUtcNow() };
        var key = keys.Delivery(stored.Id);
        await Db.HashSetAsync(key, ToHash(stored));
        await Db.KeyExpireAsync(key, Retention);
        return stored;
    }

    /// <summary>Records a message a provider took directly (a TwiML reply): it is sent, and counted, without the outbox.</summary>
    public async Task<Delivery> RecordSentAsync(Delivery delivery, string provider)
    {
        var now = time.GetUtcNow();
        var stored = delivery with { Status = DeliveryStatus.Sent, Provider = provider, Attempts = 1, CreatedAt = now, UpdatedAt = now };
        var tran = Db.CreateTransaction();
        var key = keys.Delivery(stored.Id);
        _ = tran.HashSetAsync(key, ToHash(stored));
        _ = tran.KeyExpireAsync(key, Retention);
        CountUsage(tran, stored, now);
        await tran.ExecuteAsync();
        return stored;
    }

    public async Task<Delivery?> GetAsync(string id)
    {
        var entries = await Db.HashGetAllAsync(keys.Delivery(id));
        return entries.Length == 0 ? null : FromHash(id, entries);
    }

    public async Task<string?> FindByProviderIdAsync(string provider, string providerMessageId)
    {
        var id = await Db.StringGetAsync(keys.DeliveryByProviderId(provider, providerMessageId));
        return id.IsNull ? null : id.ToString();
    }

    /// <summary>The dispatcher's claim: queued → sending, counting the attempt. False when someone else has it or it is settled.</summary>
    public async Task<bool> TryStartSendingAsync(string id, string provider)
    {
        var result = await TransitionAsync(id, DeliveryStatus.Queued, DeliveryStatus.Sending, "prov", provider);
        if (result)
        {
            await Db.HashIncrementAsync(keys.Delivery(id), "att");
        }
        return result;
    }

    /// <summary>The provider took it: sending → sent, its message id indexed for receipts, the segments counted.</summary>
    public async Task MarkAcceptedAsync(Delivery delivery, string? providerMessageId)
    {
        var now = time.GetUtcNow();
        var pid = providerMessageId ?? "";
        await AdvanceAsync(delivery.Id, DeliveryStatus.Sent, now, always: ["pid", pid], whenAdvanced: []);
        var tran = Db.CreateTransaction();
        if (pid.Length > 0 && delivery.Provider is { } provider)
        {
            _ = tran.StringSetAsync(keys.DeliveryByProviderId(provider, pid), delivery.Id, Retention);
        }
        CountUsage(tran, delivery, now);
        await tran.ExecuteAsync();
    }

    /// <summary>sending → queued and onto the channel's retry set, due at <paramref name="due"/>, atomically.</summary>
    public async Task<bool> RequeueAsync(Delivery delivery, DateTimeOffset due, string? errorCode, string? error)
    {
        var result = await Db.ScriptEvaluateAsync(
            DeliveryScripts.Requeue,
            [keys.Delivery(delivery.Id), keys.OutboxRetries(delivery.Channel)],
            [delivery.Id, time.GetUtcNow().ToUnixTimeMilliseconds(), due.ToUnixTimeMilliseconds(), errorCode ?? "", error ?? ""]);
        return (int)result == 1;
    }

    /// <summary>A settled outcome reached while holding the claim (failed, unknown).</summary>
    public Task<bool> SettleAsync(string id, DeliveryStatus status, string? errorCode, string? error) =>
        TransitionAsync(id, DeliveryStatus.Sending, status, "ecode", errorCode ?? "", "err", error ?? "");

    /// <summary>
    /// Applies a provider receipt. It moves the delivery only forward; an older receipt arriving late
    /// is ignored (and reported as such). A campaign message's receipt updates its recipient in the occurrence.
    /// </summary>
    public async Task<ReceiptResult> ApplyReceiptAsync(string id, DeliveryStatus status, string? errorCode, string? error)
    {
        if (campaignRecipients is not null && BulkDeliveryId.TryParse(id, out var recipient))
        {
            return await campaignRecipients.ApplyReceiptAsync(recipient, status, errorCode);
        }
        var pairs = new List<string>();
        if (!string.IsNullOrEmpty(errorCode))
        {
            pairs.AddRange(["ecode", errorCode]);
        }
        if (!string.IsNullOrEmpty(error))
        {
            pairs.AddRange(["err", error]);
        }
        return await AdvanceAsync(id, status, time.GetUtcNow(), always: [], whenAdvanced: pairs) switch
        {
            1 => ReceiptResult.Applied,
            0 => ReceiptResult.Stale,
            _ => ReceiptResult.UnknownDelivery,
        };
    }

    /// <summary>Messages and billed segments sent on a channel on one day (Vietnam time).</summary>
    public async Task<(long Messages, long Segments)> GetDailyUsageAsync(Channel channel, DateOnly day)
    {
        var values = await Db.HashGetAsync(keys.DailyUsage(channel, day), ["messages", "segments"]);
        return ((long?)values[0] ?? 0, (long?)values[1] ?? 0);
    }

    /// <summary>Adds campaign messages handed to a provider to the day's usage (the bulk path has no per-message record).</summary>
    public async Task CountUsageAsync(Channel channel, long messages, long segments, DateTimeOffset now)
    {
        var tran = Db.CreateTransaction();
        CountUsage(tran, channel, messages, segments, now);
        await tran.ExecuteAsync();
    }

    private void CountUsage(ITransaction tran, Delivery delivery, DateTimeOffset now) =>
        CountUsage(tran, delivery.Channel, 1, delivery.Segments, now);

    private void CountUsage(ITransaction tran, Channel channel, long messages, long segments, DateTimeOffset now)
    {
        var key = keys.DailyUsage(channel, DateOnly.FromDateTime(Campaigns.CampaignSchedule.ToLocal(now)));
        _ = tran.HashIncrementAsync(key, "messages", messages);
        _ = tran.HashIncrementAsync(key, "segments", segments);
        _ = tran.KeyExpireAsync(key, TimeSpan.FromDays(400));
    }

    private async Task<bool> TransitionAsync(string id, DeliveryStatus from, DeliveryStatus to, params string[] pairs)
    {
        var args = new List<RedisValue> { from.Key(), to.Key(), to.Rank(), time.GetUtcNow().ToUnixTimeMilliseconds() };
        args.AddRange(pairs.Select(p => (RedisValue)p));
        var result = (int)await Db.ScriptEvaluateAsync(DeliveryScripts.Transition, [keys.Delivery(id)], [.. args]);
        return result == 1;
    }

    private async Task<int> AdvanceAsync(string id, DeliveryStatus status, DateTimeOffset now, string[] always, IReadOnlyList<string> whenAdvanced)
    {
        var args = new List<RedisValue> { status.Key(), status.Rank(), now.ToUnixTimeMilliseconds(), always.Length / 2 };
        args.AddRange(always.Select(p => (RedisValue)p));
        args.AddRange(whenAdvanced.Select(p => (RedisValue)p));
        return (int)await Db.ScriptEvaluateAsync(DeliveryScripts.Advance, [keys.Delivery(id)], [.. args]);
    }

    private static HashEntry[] ToHash(Delivery d)
    {
        var entries = new List<HashEntry>
        {
            new("ch", d.Channel.Key()),
            new("addr", d.Address),
            new("text", d.Text),
            new("kind", d.Kind.ToString().ToLowerInvariant()),
            new("status", d.Status.Key()),
            new("rank", d.Status.Rank()),
            new("seg", d.Segments),
            new("att", d.Attempts),
            new("created", d.CreatedAt.ToUnixTimeMilliseconds()),
            new("updated", d.UpdatedAt.ToUnixTimeMilliseconds()),
        };
        Optional(entries, "enc", d.Encoding);
        Optional(entries, "choices", d.Choices.Count == 0 ? null : JsonSerializer.Serialize(d.Choices));
        Optional(entries, "sub", d.SubscriberId?.ToString(CultureInfo.InvariantCulture));
        Optional(entries, "prov", d.Provider);
        Optional(entries, "pid", d.ProviderMessageId);
        return [.. entries];
    }

    private static void Optional(List<HashEntry> entries, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            entries.Add(new HashEntry(name, value));
        }
    }

    private static Delivery FromHash(string id, HashEntry[] entries)
    {
        var h = entries.ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());
        string? Get(string name) => h.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        long Number(string name) => long.TryParse(Get(name), CultureInfo.InvariantCulture, out var n) ? n : 0;
        var channel = ChannelExtensions.TryParse(Get("ch"), out var c) ? c : throw new InvalidDataException($"delivery {id} has no channel");
        var status = DeliveryStatusExtensions.TryParse(Get("status"), out var st) ? st : DeliveryStatus.Unknown;
        var kind = Enum.TryParse<DeliveryKind>(Get("kind"), ignoreCase: true, out var k) ? k : DeliveryKind.Reply;
        return new Delivery
        {
            Id = id,
            Channel = channel,
            Address = Get("addr") ?? "",
            Text = Get("text") ?? "",
            Kind = kind,
            Choices = Get("choices") is { } choices ? JsonSerializer.Deserialize<ReplyChoice[]>(choices) ?? [] : [],
            Status = status,
            Segments = (int)Number("seg"),
            Encoding = Get("enc"),
            SubscriberId = Get("sub") is null ? null : Number("sub"),
            Provider = Get("prov"),
            ProviderMessageId = Get("pid"),
            Attempts = (int)Number("att"),
            ErrorCode = Get("ecode"),
            Error = Get("err"),
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(Number("created")),
            UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(Number("updated")),
        };
    }
}
