using System.Runtime.CompilerServices;
using System.Text.Json;
using Campaign.Core.Redis;
using Campaign.Core.Text;
using StackExchange.Redis;

namespace SmsGateway.Simulator;

/// <summary>
/// The simulated phones' screens, kept in Redis so every instance (and a restart) sees the same
/// history: one capped stream per phone, and a pub/sub channel per phone for pages that are open.
/// </summary>
public sealed class SimulatorPhones(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider time)
{
    /// <summary>Messages kept per phone; older ones scroll away.</summary>
    public const int HistoryLength = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SimulatedMessage> AppendAsync(string e164, string direction, string text, string? deliveryId)
    {
        var analysis = SmsEncoder.Analyze(text);
        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        var db = redis.GetDatabase();
        var id = await db.StreamAddAsync(
            keys.SimulatorPhone(e164),
            [
                new NameValueEntry("dir", direction),
                new NameValueEntry("text", text),
                new NameValueEntry("seg", analysis.Segments),
                new NameValueEntry("enc", analysis.Encoding.ToDisplayName()),
                new NameValueEntry("at", at),
                new NameValueEntry("dlv", deliveryId ?? ""),
            ],
            maxLength: HistoryLength,
            useApproximateMaxLength: true);
        await db.SortedSetAddAsync(keys.SimulatorPhones, e164, at);
        var message = new SimulatedMessage(id.ToString(), direction, text, analysis.Segments, analysis.Encoding.ToDisplayName(), at, deliveryId);
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(keys.SimulatorLive(e164)), JsonSerializer.Serialize(message, Json));
        return message;
    }

    public async Task<IReadOnlyList<SimulatedMessage>> HistoryAsync(string e164, int count = 100)
    {
        var entries = await redis.GetDatabase().StreamRangeAsync(keys.SimulatorPhone(e164), "-", "+", count, Order.Descending);
        return entries.Reverse().Select(ToMessage).ToArray();
    }

    /// <summary>Phones used most recently first.</summary>
    public async Task<IReadOnlyList<string>> RecentAsync(int count = 20)
    {
        var phones = await redis.GetDatabase().SortedSetRangeByRankAsync(keys.SimulatorPhones, 0, count - 1, Order.Descending);
        return phones.Select(p => p.ToString()).ToArray();
    }

    /// <summary>
    /// Starts listening to one phone's new messages. The subscription is in place when this returns,
    /// so nothing sent afterwards is missed; dispose it to stop.
    /// </summary>
    public Task<JsonSubscription<SimulatedMessage>> ListenAsync(string e164) =>
        JsonSubscription.OpenAsync<SimulatedMessage>(redis, keys.SimulatorLive(e164), Json);

    private static SimulatedMessage ToMessage(StreamEntry e)
    {
        var dlv = e["dlv"].ToString();
        return new SimulatedMessage(
            e.Id.ToString(), e["dir"].ToString(), e["text"].ToString(), (int)e["seg"], e["enc"].ToString(), (long)e["at"], dlv.Length == 0 ? null : dlv);
    }
}
