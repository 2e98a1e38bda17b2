namespace Campaign.Core.Subscribers;

/// <summary>
/// Lua scripts that keep a subscriber's hash and the audience index sets in step, atomically, so two
/// webhooks for the same resident on two instances can never leave them disagreeing.
/// </summary>
internal static class SubscriberScripts
{
    /// <summary>
    /// Finds or creates the subscriber for (channel, address) and stamps the last inbound time (never backwards).
    /// KEYS: address hash, id sequence. ARGV: prefix, channel, address, now (unix ms).
    /// Returns { id, created (0/1), hash fields... }.
    /// </summary>
    public const string Touch = """
        local id = redis.call('HGET', KEYS[1], ARGV[3])
        local created = 0
        if not id then
          id = tostring(redis.call('INCR', KEYS[2]))
          redis.call('HSET', KEYS[1], ARGV[3], id)
          redis.call('HSET', ARGV[1] .. 'sub:' .. id, 'ch', ARGV[2], 'addr', ARGV[3], 'status', 'contact', 'lang', 'vi', 'created', ARGV[4])
          created = 1
        end
        local key = ARGV[1] .. 'sub:' .. id
        -- Only forward: a provider retrying an old event must not move the resident's last interaction back.
        local last = tonumber(redis.call('HGET', key, 'last_in') or '0')
        if tonumber(ARGV[4]) > last then redis.call('HSET', key, 'last_in', ARGV[4]) end
        return { tonumber(id), created, redis.call('HGETALL', key) }
        """;

    /// <summary>
    /// Moves a subscriber to a status and updates the index sets. Consent evidence is written only
    /// when the status actually changes, so a repeated DK keeps the original consent record.
    /// KEYS: subscribed set, opted-out set, channel set.
    /// ARGV: prefix, id, status, now (unix ms), via, evidence, area code ('' = keep).
    /// Returns { previous status, hash fields... } or nil for an unknown id.
    /// </summary>
    public const string SetStatus = """
        local key = ARGV[1] .. 'sub:' .. ARGV[2]
        local previous = redis.call('HGET', key, 'status')
        if not previous then return nil end
        local status = ARGV[3]
        local oldArea = redis.call('HGET', key, 'area')
        if ARGV[7] ~= '' and ARGV[7] ~= oldArea then
          if oldArea then redis.call('SREM', ARGV[1] .. 'sub:idx:area:' .. oldArea, ARGV[2]) end
          redis.call('HSET', key, 'area', ARGV[7])
        end
        if previous ~= status then
          redis.call('HSET', key, 'status', status, 'consent_at', ARGV[4], 'consent_via', ARGV[5], 'consent_evidence', ARGV[6])
        end
        local area = redis.call('HGET', key, 'area')
        if status == 'subscribed' then
          redis.call('SADD', KEYS[1], ARGV[2])
          redis.call('SADD', KEYS[3], ARGV[2])
          redis.call('SREM', KEYS[2], ARGV[2])
          if area then redis.call('SADD', ARGV[1] .. 'sub:idx:area:' .. area, ARGV[2]) end
        elseif status == 'optedout' then
          redis.call('SREM', KEYS[1], ARGV[2])
          redis.call('SREM', KEYS[3], ARGV[2])
          redis.call('SADD', KEYS[2], ARGV[2])
          if area then redis.call('SREM', ARGV[1] .. 'sub:idx:area:' .. area, ARGV[2]) end
        end
        return { previous, redis.call('HGETALL', key) }
        """;
}
