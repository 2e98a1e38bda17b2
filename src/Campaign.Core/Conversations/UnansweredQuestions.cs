using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Conversations;

/// <summary>
/// Questions the bot was not sure about, appended to a capped Redis stream for the officers' inbox.
/// The resident is stored by subscriber id, never by phone number.
/// </summary>
public sealed class UnansweredQuestions(IConnectionMultiplexer redis, RedisKeys keys)
{
    /// <summary>The stream keeps about this many recent questions.</summary>
    public const int Capacity = 50_000;

    public Task RecordAsync(Channel channel, long subscriberId, string question, IEnumerable<string> suggestedFaqIds, DateTimeOffset at) =>
        redis.GetDatabase().StreamAddAsync(
            keys.UnansweredQuestions,
            [
                new NameValueEntry("ch", channel.Key()),
                new NameValueEntry("sub", subscriberId),
                new NameValueEntry("q", question),
                new NameValueEntry("suggested", string.Join(',', suggestedFaqIds)),
                new NameValueEntry("at", at.ToUnixTimeMilliseconds()),
            ],
            maxLength: Capacity,
            useApproximateMaxLength: true);

    public async Task<IReadOnlyList<(string Question, string Channel, DateTimeOffset At)>> RecentAsync(int count)
    {
        var entries = await redis.GetDatabase().StreamRangeAsync(keys.UnansweredQuestions, count: count, messageOrder: Order.Descending);
        return entries.Select(e => (
            (string)e["q"]!,
            (string)e["ch"]!,
            DateTimeOffset.FromUnixTimeMilliseconds((long)e["at"]))).ToArray();
    }

    /// <summary>The most recent questions, newest first, with who asked and what was suggested.</summary>
    public async Task<IReadOnlyList<UnansweredQuestion>> ReadRecentAsync(int count)
    {
        var entries = await redis.GetDatabase().StreamRangeAsync(keys.UnansweredQuestions, count: count, messageOrder: Order.Descending);
        var questions = new List<UnansweredQuestion>(entries.Length);
        foreach (var e in entries)
        {
            // An entry written by another version, or by hand, is skipped rather than failing the inbox.
            if (!ChannelExtensions.TryParse(e["ch"], out var channel) || !e["sub"].TryParse(out long subscriberId)
                || !e["at"].TryParse(out long at) || e["q"].IsNullOrEmpty)
            {
                continue;
            }
            var suggested = ((string?)e["suggested"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            questions.Add(new UnansweredQuestion(channel, subscriberId, (string)e["q"]!, suggested, DateTimeOffset.FromUnixTimeMilliseconds(at)));
        }
        return questions;
    }
}
