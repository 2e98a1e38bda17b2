using System.Runtime.CompilerServices;
using System.Text.Json;
using StackExchange.Redis;

namespace Campaign.Core.Redis;

/// <summary>
/// An open Redis pub/sub subscription whose messages are JSON of one type. The subscription is in
/// place when <see cref="OpenAsync"/> returns, so nothing published afterwards is missed while
/// connected (pub/sub is not a queue: after a reconnect, reload state instead of trusting the gap).
/// </summary>
public static class JsonSubscription
{
    public static async Task<JsonSubscription<T>> OpenAsync<T>(IConnectionMultiplexer redis, string channel, JsonSerializerOptions options) where T : class
    {
        ArgumentNullException.ThrowIfNull(redis);
        var queue = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(channel));
        return new JsonSubscription<T>(queue, options);
    }
}

/// <summary>An open subscription (see <see cref="JsonSubscription.OpenAsync{T}"/>).</summary>
public sealed class JsonSubscription<T> : IAsyncDisposable where T : class
{
    private readonly ChannelMessageQueue _queue;
    private readonly JsonSerializerOptions _options;

    internal JsonSubscription(ChannelMessageQueue queue, JsonSerializerOptions options)
    {
        _queue = queue;
        _options = options;
    }

    /// <summary>Messages in the order Redis delivered them, until cancelled; unreadable ones are skipped.</summary>
    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            ChannelMessage next;
            try
            {
                next = await _queue.ReadAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            if (JsonSerializer.Deserialize<T>(next.Message.ToString(), _options) is { } message)
            {
                yield return message;
            }
        }
    }

    public async ValueTask DisposeAsync() => await _queue.UnsubscribeAsync();
}
