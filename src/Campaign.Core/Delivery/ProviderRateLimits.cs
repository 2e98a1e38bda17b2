using System.Collections.Concurrent;
using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Delivery;

/// <summary>One provider's configured limit (<c>RateLimits:{provider}:MessagesPerMinute</c>, <c>:Burst</c>).</summary>
public sealed class ProviderRate
{
    public int MessagesPerMinute { get; set; }
    public int Burst { get; set; } = 1;
}

/// <summary>
/// The rate limits configured per provider name (<c>RateLimits:twilio:MessagesPerMinute=600</c>),
/// as one shared <see cref="SendPace"/> each; a provider without one is not limited by us.
/// </summary>
public sealed class ProviderRateLimits(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider time, IReadOnlyDictionary<string, ProviderRate> limits)
{
    public const string Section = "RateLimits";

    private readonly ConcurrentDictionary<string, SendPace> _paces = new(StringComparer.Ordinal);

    public SendPace? For(string provider) =>
        limits.TryGetValue(provider, out var rate) && rate.MessagesPerMinute > 0
            ? _paces.GetOrAdd(provider, name => new SendPace(redis, keys, name, rate.MessagesPerMinute, time, Math.Max(1, rate.Burst)))
            : null;
}
