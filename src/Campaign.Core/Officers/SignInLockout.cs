using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Officers;

/// <summary>
/// Counts failed console sign-ins per username in Redis, so every instance agrees, and locks the
/// username for a while after too many. Unknown usernames are counted too: a lockout must not tell
/// a guesser which usernames exist. Times come from the <see cref="TimeProvider"/>; the Redis expiry
/// only cleans up.
/// </summary>
public sealed class SignInLockout(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider time, SignInLockoutOptions options)
{
    /// <summary>Kept this long after the last failure, on Redis's own clock, whatever the lock's length.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    /// <summary>
    /// KEYS: the username's hash. ARGV: now (unix ms), max failures, lock/window (ms), retention (ms).
    /// Returns {1, lockedUntil} when locked (already, or by this failure), else {0, failures so far}.
    /// </summary>
    private const string FailScript = """
        local now = tonumber(ARGV[1])
        local locked = tonumber(redis.call('HGET', KEYS[1], 'lockedUntil') or '0')
        if locked > now then return {1, locked} end
        local first = tonumber(redis.call('HGET', KEYS[1], 'firstAt') or '0')
        local count = tonumber(redis.call('HGET', KEYS[1], 'count') or '0')
        if first == 0 or now - first >= tonumber(ARGV[3]) then
          count = 0
          first = now
        end
        count = count + 1
        redis.call('DEL', KEYS[1])
        if count >= tonumber(ARGV[2]) then
          local untilMs = now + tonumber(ARGV[3])
          redis.call('HSET', KEYS[1], 'lockedUntil', untilMs)
          redis.call('PEXPIRE', KEYS[1], ARGV[4])
          return {1, untilMs}
        end
        redis.call('HSET', KEYS[1], 'count', count, 'firstAt', first)
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return {0, count}
        """;

    /// <summary>When the username's lock ends, or null when it may sign in now.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(string username)
    {
        var value = await redis.GetDatabase().HashGetAsync(Key(username), "lockedUntil");
        if (value.IsNull || !value.TryParse(out long untilMs))
        {
            return null;
        }
        var until = DateTimeOffset.FromUnixTimeMilliseconds(untilMs);
        return until > time.GetUtcNow() ? until : null;
    }

    /// <summary>Counts a failure; returns when the lock ends if the username is (now) locked.</summary>
    public async Task<DateTimeOffset?> RecordFailureAsync(string username)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            FailScript,
            [Key(username)],
            [
                time.GetUtcNow().ToUnixTimeMilliseconds(),
                Math.Max(1, options.MaxFailures),
                (long)options.Duration.TotalMilliseconds,
                (long)Retention.TotalMilliseconds,
            ]))!;
        return (long)result[0] == 1 ? DateTimeOffset.FromUnixTimeMilliseconds((long)result[1]) : null;
    }

    /// <summary>Forgets the failures after a successful sign-in.</summary>
    public Task ResetAsync(string username) => redis.GetDatabase().KeyDeleteAsync(Key(username));

    private RedisKey Key(string username) => keys.OfficerSignInFailures(OfficerUsername.Normalize(username));
}
