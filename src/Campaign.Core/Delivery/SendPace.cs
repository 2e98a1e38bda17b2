using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Delivery;

/// <summary>
/// A provider's rate limit, shared by every instance and by both of a channel's dispatchers (replies
/// and campaigns): a token bucket in Redis (<see cref="DeliveryScripts.ReserveSlot"/>) refilled at
/// <see cref="MessagesPerMinute"/> and holding <see cref="Burst"/>. Each send takes a token or waits
/// for its turn. An Android phone's SIM gets blocked by its carrier if it sends too fast; paid
/// providers (Twilio, Zalo, Messenger) refuse or bill bursts past their account's limits.
/// </summary>
public sealed class SendPace(IConnectionMultiplexer redis, RedisKeys keys, string provider, int messagesPerMinute, TimeProvider time, int burst = 1)
{
    public string Provider { get; } = provider;

    public int MessagesPerMinute { get; } = messagesPerMinute > 0
        ? messagesPerMinute
        : throw new ArgumentOutOfRangeException(nameof(messagesPerMinute), "must be positive");

    public int Burst { get; } = burst > 0 ? burst : throw new ArgumentOutOfRangeException(nameof(burst), "must be positive");

    private long IntervalMs => Math.Max(1, 60_000 / MessagesPerMinute);

    /// <summary>Waits until this caller's turn comes.</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        var wait = await ReserveAsync();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Takes a turn and says how long to wait before using it (zero while the burst lasts).</summary>
    public async Task<TimeSpan> ReserveAsync() =>
        TimeSpan.FromMilliseconds((long)await redis.GetDatabase().ScriptEvaluateAsync(DeliveryScripts.ReserveSlot, [keys.SendPace(Provider)], [IntervalMs, Burst]));
}
