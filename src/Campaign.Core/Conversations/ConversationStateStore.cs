using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Conversations;

/// <summary>
/// Per-resident conversation state in Redis, as a short string with a TTL: a conversation left alone
/// for <see cref="Lifetime"/> starts again from the main menu.
/// </summary>
public sealed class ConversationStateStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public async Task<ConversationState> GetAsync(long subscriberId)
    {
        var value = await redis.GetDatabase().StringGetAsync(keys.ConversationState(subscriberId));
        return value.IsNullOrEmpty ? ConversationState.MainMenu : new ConversationState(((string)value!).Split(','));
    }

    public Task SetAsync(long subscriberId, ConversationState state) =>
        redis.GetDatabase().StringSetAsync(
            keys.ConversationState(subscriberId),
            state.OfferedFaqIds.Count == 0 ? "" : string.Join(',', state.OfferedFaqIds),
            Lifetime);
}
