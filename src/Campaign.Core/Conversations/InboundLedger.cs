using System.Text.Json;
using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Conversations;

/// <summary>
/// Remembers which inbound messages have been handled, per provider message id, with the replies they
/// got: providers retry webhooks, and a retry must get the same answer without a second conversation
/// step. A message being handled is marked "pending" only briefly, so a crash mid-step lets the
/// provider's next retry through instead of losing the message.
/// </summary>
public sealed class InboundLedger(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider time)
{
    private const string Pending = "pending";

    /// <summary>Long enough for any provider's retries (the Android app retries for hours).</summary>
    public static readonly TimeSpan RememberFor = TimeSpan.FromDays(2);

    private static readonly TimeSpan PendingFor = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DuplicateWait = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Null when the caller now owns the message and must handle it, then <see cref="CompleteAsync"/>
    /// (or <see cref="ReleaseAsync"/> on failure); otherwise what became of it earlier.
    /// </summary>
    /// <exception cref="RedisException">Redis is unreachable: nothing was accepted.</exception>
    public async Task<InboundResult?> ClaimAsync(string source, string messageId, CancellationToken cancellationToken = default)
    {
        var db = redis.GetDatabase();
        var key = keys.InboundSeen(source, messageId);
        if (await db.StringSetAsync(key, Pending, PendingFor, When.NotExists))
        {
            return null;
        }

        var deadline = time.GetUtcNow() + DuplicateWait;
        while (true)
        {
            var value = await db.StringGetAsync(key);
            if (value.IsNull)
            {
                return InboundResult.InProgress; // the first attempt failed and let go; the provider's next retry takes it
            }
            if (value != Pending)
            {
                var earlier = JsonSerializer.Deserialize<Handled>(value.ToString());
                return new InboundResult(InboundDisposition.Duplicate, earlier?.Replies ?? []) { DeliveryIds = earlier?.DeliveryIds ?? [] };
            }
            if (time.GetUtcNow() >= deadline)
            {
                return InboundResult.InProgress;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }
    }

    /// <summary>Records the message as handled, with the replies (and their deliveries) a repeat gets again.</summary>
    public Task CompleteAsync(string source, string messageId, IReadOnlyList<string> replies, IReadOnlyList<string>? deliveryIds = null) =>
        redis.GetDatabase().StringSetAsync(
            keys.InboundSeen(source, messageId), JsonSerializer.Serialize(new Handled(replies, deliveryIds ?? [])), RememberFor);

    /// <summary>Lets go of a message that could not be handled, so the provider's retry is processed.</summary>
    public Task ReleaseAsync(string source, string messageId) =>
        redis.GetDatabase().KeyDeleteAsync(keys.InboundSeen(source, messageId), CommandFlags.FireAndForget);

    private sealed record Handled(IReadOnlyList<string> Replies, IReadOnlyList<string> DeliveryIds);
}
