using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Delivery;

/// <summary>
/// Spaces a provider's sends evenly, across every instance: each send reserves the next slot in
/// Redis and waits for it. An Android phone's SIM gets blocked by its carrier if it sends too fast.
/// </summary>
public sealed class SendPace(IConnectionMultiplexer redis, RedisKeys keys, string provider, int messagesPerMinute, TimeProvider time)
{
    public int MessagesPerMinute { get; } = messagesPerMinute > 0
        ? messagesPerMinute
        : throw new ArgumentOutOfRangeException(nameof(messagesPerMinute), "must be positive");

    private long IntervalMs => Math.Max(1, 60_000 / MessagesPerMinute);

    /// <summary>Waits until this caller's slot comes.</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        var waitMs = (long)await redis.GetDatabase().ScriptEvaluateAsync(DeliveryScripts.ReserveSlot, [keys.SendPace(provider)], [IntervalMs]);
        if (waitMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(waitMs), time, cancellationToken);
        }
    }
}
