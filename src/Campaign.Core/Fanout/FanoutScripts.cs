namespace Campaign.Core.Fanout;

/// <summary>
/// Lua for planning and sending occurrences. Each script is one atomic step of the at-most-once
/// bookkeeping: a chunk's progress (<c>c:{n}</c> = "position,in flight") only moves forward, and a
/// recipient's sent bit is set in the same step that hands them to a dispatcher.
/// Subscriber records are read in the layout of <see cref="Subscribers.SubscriberRecord"/>:
/// <c>status|channel|area|lang|themes|created|lastIn|consentAt|address</c> (times in base-36 seconds).
/// </summary>
internal static class FanoutScripts
{
    /// <summary>A chunk's progress field "position,in flight" as two numbers (0, 0 before its first claim).</summary>
    private const string Progress = """
        local function progress(occ, chunk)
          local value = redis.call('HGET', occ, 'c:' .. chunk)
          if not value then return 0, 0 end
          local p, f = string.match(value, '^(%d+),(%d+)$')
          return tonumber(p), tonumber(f)
        end
        """;

    private const string Finish = """
        local function finish(occ, open, id, now)
          if redis.call('HGET', occ, 'status') ~= 'sending' then return 0 end
          if tonumber(redis.call('HGET', occ, 'done')) < tonumber(redis.call('HGET', occ, 'chunks')) then return 0 end
          local final = 'completed'
          if redis.call('HGET', occ, 'cancelled') == '1' then final = 'cancelled' end
          redis.call('HSET', occ, 'status', final, 'completed', now)
          redis.call('ZREM', open, id)
          return 1
        end
        """;

    /// <summary>
    /// Adds planned chunks and moves the planning cursor, only while the caller holds the lease.
    /// KEYS: occurrence hash, open set, bulk streams... ARGV: instance, now ms, lease until ms, next cursor,
    /// targeted delta, final (1/0), occurrence id, chunk count, then (stream index into KEYS, chunk bytes) pairs.
    /// Returns 0 lease lost, 1 planned, 2 planned and already complete (nothing to send).
    /// </summary>
    public const string Emit = Finish + "\n" + """
        if redis.call('HGET', KEYS[1], 'status') ~= 'planning' or redis.call('HGET', KEYS[1], 'lease') ~= ARGV[1] then return 0 end
        local n = tonumber(ARGV[8])
        for i = 0, n - 1 do
          redis.call('XADD', KEYS[tonumber(ARGV[9 + 2 * i])], '*', 'k', ARGV[10 + 2 * i])
        end
        redis.call('HINCRBY', KEYS[1], 'chunks', n)
        redis.call('HINCRBY', KEYS[1], 'targeted', ARGV[5])
        redis.call('HSET', KEYS[1], 'cursor', ARGV[4], 'lease_until', ARGV[3])
        if ARGV[6] == '1' then
          redis.call('HSET', KEYS[1], 'status', 'sending', 'planned', ARGV[2], 'lease', '')
          if finish(KEYS[1], KEYS[2], ARGV[7], ARGV[2]) == 1 then return 2 end
        end
        return 1
        """;

    /// <summary>
    /// Claims the next batch of a chunk: checks each recipient as they stand now (opted out, do-not-contact,
    /// channel window, frequency cap), sets the sent bit of those to send and records how many are in
    /// flight. A batch left in flight by a dead dispatcher is counted unknown first.
    /// KEYS: occurrence hash, sent bitmap, do-not-contact set, timeline hash.
    /// ARGV: key prefix, chunk number, expected position, now (unix s), channel char, window s (0 none),
    /// cap (0 none), cap window s, occurrence id, mode (first/retry), frequency record ttl s, sent bitmap ttl s, ids...
    /// Returns { new position, in flight, unknown settled, id, address, area, ... } or { -1, position } when
    /// the expected position is stale (another dispatcher moved it).
    /// </summary>
    public const string Claim = Progress + "\n" + Subscribers.SubscriberScripts.SplitRecord + "\n" + """
        local digits = '0123456789abcdefghijklmnopqrstuvwxyz'
        local function b36(n)
          local s = ''
          repeat
            local r = n % 36
            s = string.sub(digits, r + 1, r + 1) .. s
            n = math.floor(n / 36)
          until n == 0
          return s
        end

        local progressField = 'c:' .. ARGV[2]
        local pos, inflight = progress(KEYS[1], ARGV[2])
        if pos ~= tonumber(ARGV[3]) then return { -1, pos } end
        if inflight > 0 then
          -- The dispatcher that claimed these died before recording them: they may have gone out. Never resent.
          redis.call('HINCRBY', KEYS[1], 'unknown', inflight)
        end

        local now, window, cap, capWindow = tonumber(ARGV[4]), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
        local retry = ARGV[10] == 'retry'
        local out = { 0, 0, inflight }
        local skips = {}
        local touched = {}
        local count = 0
        for i = 13, #ARGV do
          local id = tonumber(ARGV[i])
          local bucket = math.floor(id / 128)
          local slot = id % 128
          local reason = nil
          local f = nil
          if not retry and redis.call('GETBIT', KEYS[2], id) == 1 then
            reason = 'already_sent'
          else
            local rec = redis.call('HGET', ARGV[1] .. 'sub:r:' .. bucket, slot)
            if rec then f = split(rec) end
            if not f then reason = 'not_subscribed'
            elseif f[1] == 'o' then reason = 'opted_out'
            elseif f[1] ~= 's' or f[2] ~= ARGV[5] then reason = 'not_subscribed'
            elseif redis.call('SISMEMBER', KEYS[3], f[9]) == 1 then reason = 'do_not_contact'
            elseif window > 0 and (f[7] == '' or now - tonumber(f[7], 36) > window) then reason = 'outside_window'
            end
          end
          if not reason and not retry and cap > 0 then
            local fkey = ARGV[1] .. 'fc:' .. bucket
            local record = redis.call('HGET', fkey, slot)
            local times = {}
            if record then
              for t in string.gmatch(string.match(record, '^([^;]*)'), '[^,]+') do
                local v = tonumber(t, 36)
                if v and now - v < capWindow then times[#times + 1] = t end
              end
            end
            if #times >= cap then
              reason = 'frequency_cap'
            else
              times[#times + 1] = b36(now)
              while #times > cap do table.remove(times, 1) end
              -- The last send's occurrence, so a reply within the window is credited to it; 0 = not replied yet.
              redis.call('HSET', fkey, slot, table.concat(times, ',') .. ';' .. ARGV[9] .. ';0')
              touched[fkey] = true
            end
          end
          if reason then
            skips[reason] = (skips[reason] or 0) + 1
          else
            if not retry then redis.call('SETBIT', KEYS[2], id, 1) end
            out[#out + 1] = id
            out[#out + 1] = f[9]
            out[#out + 1] = f[3]
            count = count + 1
          end
        end
        for key in pairs(touched) do redis.call('EXPIRE', key, ARGV[11]) end
        if count > 0 and not retry then redis.call('EXPIRE', KEYS[2], ARGV[12]) end
        local skipped = 0
        for reason, n in pairs(skips) do
          redis.call('HINCRBY', KEYS[1], 'skip:' .. reason, n)
          skipped = skipped + n
        end
        if skipped > 0 then
          redis.call('HINCRBY', KEYS[4], math.floor(now / 60) .. ':skipped', skipped)
          redis.call('EXPIRE', KEYS[4], ARGV[12])
        end
        local newPos = pos + (#ARGV - 12)
        redis.call('HSET', KEYS[1], progressField, newPos .. ',' .. count)
        out[1] = newPos
        out[2] = count
        return out
        """;

    /// <summary>
    /// Records a claimed batch's outcomes: counters, no longer in flight, and (when some must be tried
    /// again) a retry chunk put aside until it is due. Ignored when the position moved on (a successor
    /// took the chunk over and already counted this batch unknown).
    /// The minute's sent, failed and skipped go to the timeline too.
    /// KEYS: occurrence hash, later set, timeline hash. ARGV: chunk number, position, now (unix s), timeline ttl s,
    /// counter count, (field, delta) pairs..., then optionally retry chunk bytes and its due time (unix ms).
    /// </summary>
    public const string Record = """
        local progressField = 'c:' .. ARGV[1]
        local progress = redis.call('HGET', KEYS[1], progressField)
        if not progress or tonumber(string.match(progress, '^(%d+)')) ~= tonumber(ARGV[2]) then return 0 end
        redis.call('HSET', KEYS[1], progressField, ARGV[2] .. ',0')
        local minute = math.floor(tonumber(ARGV[3]) / 60) .. ':'
        local timeline = { sent = 0, failed = 0, skipped = 0 }
        local n = tonumber(ARGV[5])
        for i = 0, n - 1 do
          local field, delta = ARGV[6 + 2 * i], tonumber(ARGV[7 + 2 * i])
          redis.call('HINCRBY', KEYS[1], field, delta)
          if field == 'sent' then timeline.sent = timeline.sent + delta
          elseif string.sub(field, 1, 5) == 'fail:' then timeline.failed = timeline.failed + delta
          elseif string.sub(field, 1, 5) == 'skip:' then timeline.skipped = timeline.skipped + delta
          end
        end
        local wrote = false
        for name, count in pairs(timeline) do
          if count ~= 0 then
            redis.call('HINCRBY', KEYS[3], minute .. name, count)
            wrote = true
          end
        end
        if wrote then redis.call('EXPIRE', KEYS[3], ARGV[4]) end
        local rest = 6 + 2 * n
        if ARGV[rest] then
          redis.call('HINCRBY', KEYS[1], 'chunks', 1)
          redis.call('ZADD', KEYS[2], ARGV[rest + 1], ARGV[rest])
        end
        return 1
        """;

    /// <summary>
    /// Skips what is left of a chunk (its campaign was cancelled): counted under a reason, a batch left
    /// in flight by a dead dispatcher counted unknown, and the skipped added to the timeline. KEYS: occurrence hash, timeline hash.
    /// ARGV: chunk number, expected position, chunk length, reason, retry chunk (1/0), now (unix s), timeline ttl s. Returns 0 when stale.
    /// </summary>
    public const string SkipRest = Progress + "\n" + """
        local progressField = 'c:' .. ARGV[1]
        local pos, inflight = progress(KEYS[1], ARGV[1])
        if pos ~= tonumber(ARGV[2]) then return 0 end
        if inflight > 0 then redis.call('HINCRBY', KEYS[1], 'unknown', inflight) end
        local rest = tonumber(ARGV[3]) - pos
        if rest > 0 then
          redis.call('HINCRBY', KEYS[1], 'skip:' .. ARGV[4], rest)
          redis.call('HINCRBY', KEYS[2], math.floor(tonumber(ARGV[6]) / 60) .. ':skipped', rest)
          redis.call('EXPIRE', KEYS[2], ARGV[7])
          if ARGV[5] == '1' then redis.call('HINCRBY', KEYS[1], 'retrying', -rest) end
        end
        redis.call('HSET', KEYS[1], progressField, ARGV[3] .. ',0')
        return 1
        """;

    /// <summary>
    /// Finishes a chunk: progress dropped, stream entry acknowledged and deleted, and the occurrence
    /// completed when it was the last. KEYS: occurrence hash, stream, open set.
    /// ARGV: stream entry id, group, chunk number, occurrence id, now ms. Returns 1 when the occurrence completed.
    /// </summary>
    public const string Complete = Finish + "\n" + """
        redis.call('XACK', KEYS[2], ARGV[2], ARGV[1])
        redis.call('XDEL', KEYS[2], ARGV[1])
        redis.call('HDEL', KEYS[1], 'c:' .. ARGV[3])
        -- Counted once even if a slow dispatcher and its successor both finish the same chunk.
        if redis.call('HSETNX', KEYS[1], 'd:' .. ARGV[3], 1) == 0 then return 0 end
        redis.call('HINCRBY', KEYS[1], 'done', 1)
        return finish(KEYS[1], KEYS[3], ARGV[4], ARGV[5])
        """;

    /// <summary>
    /// Puts a chunk aside until a time (quiet hours, a paused campaign or provider): entry acknowledged
    /// and moved to the later set in one step. KEYS: stream, later set, occurrence hash.
    /// ARGV: entry id, group, due ms, chunk bytes, deferred recipients to count (0 = none).
    /// </summary>
    public const string Defer = """
        redis.call('XACK', KEYS[1], ARGV[2], ARGV[1])
        redis.call('XDEL', KEYS[1], ARGV[1])
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
        if tonumber(ARGV[5]) > 0 then redis.call('HINCRBY', KEYS[3], 'deferred', ARGV[5]) end
        return 1
        """;

    /// <summary>
    /// Applies a receipt to one recipient, forward only; counters follow the state (read counts as
    /// delivered too; a failure after delivered takes it back out of delivered).
    /// KEYS: occurrence hash, receipt bucket. ARGV: slot, rank, counter fields (comma-separated), ttl s.
    /// Returns 1 applied, 0 stale, -1 no such occurrence.
    /// </summary>
    public const string Receipt = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
        local old = redis.call('HGET', KEYS[2], ARGV[1])
        local oldRank, oldFields = 3, ''
        if old then
          local r, fields = string.match(old, '^(%d+)|(.*)$')
          oldRank, oldFields = tonumber(r), fields
        end
        if tonumber(ARGV[2]) <= oldRank then return 0 end
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[2] .. '|' .. ARGV[3])
        redis.call('EXPIRE', KEYS[2], ARGV[4])
        for field in string.gmatch(oldFields, '[^,]+') do redis.call('HINCRBY', KEYS[1], field, -1) end
        for field in string.gmatch(ARGV[3], '[^,]+') do redis.call('HINCRBY', KEYS[1], field, 1) end
        return 1
        """;

    /// <summary>
    /// Credits a resident's message to the campaign occurrence that last wrote to them, once, within
    /// the reply window. ARGV: key prefix, subscriber id, now (unix s), window s.
    /// </summary>
    public const string Reply = """
        local id = tonumber(ARGV[2])
        local key = ARGV[1] .. 'fc:' .. math.floor(id / 128)
        local slot = id % 128
        local record = redis.call('HGET', key, slot)
        if not record then return 0 end
        local times, occ, replied = string.match(record, '^([^;]*);([^;]*);(%d)$')
        if not occ or occ == '' or replied == '1' then return 0 end
        local last = string.match(times, '([^,]+)$')
        if not last or tonumber(ARGV[3]) - tonumber(last, 36) > tonumber(ARGV[4]) then return 0 end
        redis.call('HSET', key, slot, times .. ';' .. occ .. ';1')
        redis.call('HINCRBY', ARGV[1] .. 'occ:' .. occ, 'replies', 1)
        return 1
        """;
}
