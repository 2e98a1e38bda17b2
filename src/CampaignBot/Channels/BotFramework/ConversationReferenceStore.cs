using System.Text.Json;
using Campaign.Core.Redis;
using StackExchange.Redis;

namespace CampaignBot.Channels.BotFramework;

/// <summary>
/// The <see cref="ConversationReference"/> of each resident, as JSON under
/// <see cref="RedisKeys.ConversationReference"/>. No expiry: campaigns may reach a resident months
/// after they last wrote, and each new activity replaces it (a channel may move its serviceUrl).
/// </summary>
public sealed class ConversationReferenceStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    /// <exception cref="RedisException">Redis is unreachable.</exception>
    public Task SaveAsync(string address, ConversationReference reference) =>
        redis.GetDatabase().StringSetAsync(keys.ConversationReference(address), JsonSerializer.Serialize(reference, BotFrameworkJson.Options));

    /// <summary>Null when the resident never wrote to us on the Bot Framework (or the stored value is unreadable).</summary>
    /// <exception cref="RedisException">Redis is unreachable.</exception>
    public async Task<ConversationReference?> FindAsync(string address)
    {
        var value = await redis.GetDatabase().StringGetAsync(keys.ConversationReference(address));
        if (value.IsNullOrEmpty)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<ConversationReference>(value.ToString(), BotFrameworkJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
