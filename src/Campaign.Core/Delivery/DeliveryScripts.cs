namespace Campaign.Core.Delivery;

/// <summary>Lua scripts that change a delivery's status atomically, so two instances (or two receipts) never race.</summary>
internal static class DeliveryScripts
{
    /// <summary>
    /// Compare-and-set: moves the delivery to a new status only from the expected one (the dispatcher's
    /// claim and hand-backs). KEYS: delivery hash. ARGV: expected, status, rank, now (unix ms), field/value pairs...
    /// Returns 1 when moved, 0 when the status was different, -1 when the delivery does not exist.
    /// </summary>
    public const string Transition = """
        local current = redis.call('HGET', KEYS[1], 'status')
        if not current then return -1 end
        if current ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'status', ARGV[2], 'rank', ARGV[3], 'updated', ARGV[4])
        for i = 5, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
        return 1
        """;

    /// <summary>
    /// Forward-only update for receipts: applies when the new status ranks higher than the current one.
    /// KEYS: delivery hash. ARGV: status, rank, now (unix ms), number of always-set pairs, always pairs..., pairs set only when advanced...
    /// Returns 1 when advanced, 0 when stale, -1 when the delivery does not exist.
    /// </summary>
    public const string Advance = """
        local rank = redis.call('HGET', KEYS[1], 'rank')
        if not rank then return -1 end
        local always = tonumber(ARGV[4])
        for i = 5, 4 + always * 2, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
        if tonumber(ARGV[2]) <= tonumber(rank) then return 0 end
        redis.call('HSET', KEYS[1], 'status', ARGV[1], 'rank', ARGV[2], 'updated', ARGV[3])
        for i = 5 + always * 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
        return 1
        """;

    /// <summary>
    /// Moves members of a sorted set that are due back into a stream, as one field each: the outbox's
    /// retries (field "d", a delivery id) and the campaign chunks put aside (field "k", a chunk).
    /// KEYS: sorted set, stream. ARGV: now (unix ms), max, field name. Returns how many were moved.
    /// </summary>
    public const string PromoteDue = """
        local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
        for _, member in ipairs(due) do
          redis.call('XADD', KEYS[2], '*', ARGV[3], member)
          redis.call('ZREM', KEYS[1], member)
        end
        return #due
        """;

    /// <summary>
    /// Takes one send from a provider's token bucket shared by every instance, as a generic cell rate
    /// (GCRA): up to <c>burst</c> sends go at once, then one per interval; a caller over the rate
    /// reserves its turn and is told how long to wait. The clock is Redis's, so instances agree.
    /// KEYS: pace key. ARGV: interval (ms), burst. Returns how many ms the caller must wait before sending.
    /// </summary>
    public const string ReserveSlot = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local interval = tonumber(ARGV[1])
        local tolerance = interval * (tonumber(ARGV[2]) - 1)
        local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
        if tat < now then tat = now end
        local wait = tat - tolerance - now
        if wait < 0 then wait = 0 end
        redis.call('SET', KEYS[1], tostring(tat + interval), 'PX', (tat + interval - now) + 1000)
        return wait
        """;

    /// <summary>
    /// Hands a claimed delivery back for a later attempt: sending → queued and onto the retry set in
    /// one step, so a crash can never leave it queued with nothing pointing at it.
    /// KEYS: delivery hash, retry zset. ARGV: id, now (unix ms), due (unix ms), error code, error.
    /// Returns 1 when requeued, 0 when the delivery was not being sent.
    /// </summary>
    public const string Requeue = """
        if redis.call('HGET', KEYS[1], 'status') ~= 'sending' then return 0 end
        redis.call('HSET', KEYS[1], 'status', 'queued', 'rank', '0', 'updated', ARGV[2], 'ecode', ARGV[4], 'err', ARGV[5])
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
        return 1
        """;
}
