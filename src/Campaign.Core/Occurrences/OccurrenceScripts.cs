namespace Campaign.Core.Occurrences;

/// <summary>Lua for the occurrence record: claiming it once, and the planning lease.</summary>
internal static class OccurrenceScripts
{
    /// <summary>
    /// Creates the occurrence if nobody has: the one atomic step that makes "fired on every instance"
    /// into "run by exactly one". KEYS: occurrence hash, campaign's occurrence index, open set.
    /// ARGV: occurrence id, campaign id, fire (unix ms), instance, now (unix ms), status, reason, lease until (unix ms).
    /// Returns 1 when this call created it, 0 when it already existed.
    /// </summary>
    public const string Claim = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], 'campaign', ARGV[2], 'fire', ARGV[3], 'status', ARGV[6], 'by', ARGV[4], 'claimed', ARGV[5],
          'chunks', 0, 'done', 0, 'targeted', 0)
        if ARGV[7] ~= '' then redis.call('HSET', KEYS[1], 'reason', ARGV[7]) end
        if ARGV[6] == 'planning' then
          redis.call('HSET', KEYS[1], 'lease', ARGV[4], 'lease_until', ARGV[8], 'cursor', 0)
          redis.call('ZADD', KEYS[3], 0, ARGV[1])
        else
          redis.call('HSET', KEYS[1], 'completed', ARGV[5])
        end
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
        return 1
        """;

    /// <summary>
    /// Takes (or renews) the planning lease: granted when the occurrence is still planning and the
    /// lease is ours or has run out (its planner died). KEYS: occurrence hash.
    /// ARGV: instance, now (unix ms), lease until (unix ms). Returns the cursor to resume from, or -1.
    /// </summary>
    public const string TakeLease = """
        if redis.call('HGET', KEYS[1], 'status') ~= 'planning' then return -1 end
        local holder = redis.call('HGET', KEYS[1], 'lease')
        local untilMs = tonumber(redis.call('HGET', KEYS[1], 'lease_until') or '0')
        if holder ~= ARGV[1] and untilMs > tonumber(ARGV[2]) then return -1 end
        redis.call('HSET', KEYS[1], 'lease', ARGV[1], 'lease_until', ARGV[3])
        return tonumber(redis.call('HGET', KEYS[1], 'cursor') or '0')
        """;

    /// <summary>
    /// Marks an open occurrence cancelled once nothing of it is in flight; the dispatchers count the
    /// rest as skipped. KEYS: occurrence hash, open set. ARGV: occurrence id, now (unix ms).
    /// </summary>
    public const string Cancel = """
        local status = redis.call('HGET', KEYS[1], 'status')
        if status ~= 'planning' and status ~= 'sending' then return 0 end
        redis.call('HSET', KEYS[1], 'cancelled', 1)
        if status == 'planning' then
          -- No more chunks will be planned: finish planning where it stands.
          redis.call('HSET', KEYS[1], 'status', 'sending', 'planned', ARGV[2], 'lease', '')
        end
        if tonumber(redis.call('HGET', KEYS[1], 'done')) >= tonumber(redis.call('HGET', KEYS[1], 'chunks')) then
          redis.call('HSET', KEYS[1], 'status', 'cancelled', 'completed', ARGV[2])
          redis.call('ZREM', KEYS[2], ARGV[1])
        end
        return 1
        """;
}
