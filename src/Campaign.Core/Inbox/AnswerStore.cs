using System.Globalization;
using System.Text.Json;
using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Inbox;

/// <summary>
/// Officers' inbox answers in Redis: one JSON string each, an index by proposal time, the signatures
/// approved answers cover, and a pub/sub notice on approval so every instance reloads the overlay.
/// </summary>
public sealed class AnswerStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    public async Task<string> NextIdAsync() =>
        "ans_" + (await redis.GetDatabase().StringIncrementAsync(keys.InboxAnswerSequence)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Stores a new answer; false when the id is already taken.</summary>
    public async Task<bool> CreateAsync(InboxAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var db = redis.GetDatabase();
        var tran = db.CreateTransaction();
        tran.AddCondition(Condition.KeyNotExists(keys.InboxAnswer(answer.Id)));
        _ = tran.StringSetAsync(keys.InboxAnswer(answer.Id), Serialize(answer));
        _ = tran.SortedSetAddAsync(keys.InboxAnswers, answer.Id, answer.ProposedAt.ToUnixTimeMilliseconds());
        return await tran.ExecuteAsync();
    }

    public async Task<InboxAnswer?> GetAsync(string id)
    {
        var json = await redis.GetDatabase().StringGetAsync(keys.InboxAnswer(id));
        return json.IsNullOrEmpty ? null : Deserialize(json!);
    }

    /// <summary>Every answer, newest proposal first, or only those in <paramref name="status"/>.</summary>
    public async Task<IReadOnlyList<InboxAnswer>> ListAsync(AnswerStatus? status = null)
    {
        var db = redis.GetDatabase();
        var ids = await db.SortedSetRangeByRankAsync(keys.InboxAnswers, order: Order.Descending);
        if (ids.Length == 0)
        {
            return [];
        }
        var values = await db.StringGetAsync(ids.Select(id => (RedisKey)keys.InboxAnswer(id!)).ToArray());
        return values.Where(v => !v.IsNullOrEmpty).Select(v => Deserialize(v!))
            .Where(a => status is null || a.Status == status).ToArray();
    }

    /// <summary>The approved answers in the order they were approved: the overlay, applied in that order.</summary>
    public async Task<IReadOnlyList<InboxAnswer>> ApprovedAsync() =>
        (await ListAsync(AnswerStatus.Approved)).OrderBy(a => a.ReviewedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToArray();

    /// <summary>Signatures of questions approved answers cover.</summary>
    public async Task<IReadOnlySet<string>> AnsweredSignaturesAsync() =>
        (await redis.GetDatabase().SetMembersAsync(keys.InboxAnswered)).Select(v => v.ToString()).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Reads the answer, lets <paramref name="review"/> decide its new state (null: leave it), and
    /// writes that only if nobody changed it meanwhile, trying again if they did. An approval also
    /// marks its questions answered and tells every instance. Null when there is no such answer.
    /// </summary>
    public async Task<(InboxAnswer Before, InboxAnswer? After)?> ReviewAsync(string id, Func<InboxAnswer, InboxAnswer?> review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var db = redis.GetDatabase();
        while (true)
        {
            var stored = await db.StringGetAsync(keys.InboxAnswer(id));
            if (stored.IsNullOrEmpty)
            {
                return null;
            }
            var before = Deserialize(stored!);
            var after = review(before);
            if (after is null)
            {
                return (before, null);
            }
            var tran = db.CreateTransaction();
            tran.AddCondition(Condition.StringEqual(keys.InboxAnswer(id), stored));
            _ = tran.StringSetAsync(keys.InboxAnswer(id), Serialize(after));
            if (after.Status == AnswerStatus.Approved && after.Signatures.Count > 0)
            {
                _ = tran.SetAddAsync(keys.InboxAnswered, after.Signatures.Select(s => (RedisValue)s).ToArray());
            }
            if (!await tran.ExecuteAsync())
            {
                continue;
            }
            if (after.Status == AnswerStatus.Approved)
            {
                await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(keys.FaqOverlayChanged), after.Id);
            }
            return (before, after);
        }
    }

    private static string Serialize(InboxAnswer answer) => JsonSerializer.Serialize(answer, InboxJson.Options);

    private static InboxAnswer Deserialize(string json) =>
        JsonSerializer.Deserialize<InboxAnswer>(json, InboxJson.Options) ?? throw new JsonException("empty inbox answer");
}
