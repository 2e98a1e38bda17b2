namespace Campaign.Core.Subscribers;

/// <summary>
/// Lua scripts over the bucketed layout (<see cref="SubscriberRecord"/>): every change to a
/// subscriber, its address index and the subscribed counts is one script, so two instances handling
/// the same resident at once can never leave them disagreeing.
/// <para>
/// Record, consent and name keys are built here as <c>prefix .. 'sub:r:' .. bucket</c> (the same
/// strings as <see cref="Redis.RedisKeys.SubscriberRecords"/>) when the id is only known inside the
/// script; in Redis Cluster they share a slot with the declared keys through the prefix's hash tag.
/// </para>
/// </summary>
internal static class SubscriberScripts
{
    /// <summary>Lua <c>split(rec)</c>: a packed record's nine fields (the address, last, may hold '|'), or nil; the fan-out's claim uses it too.</summary>
    public const string SplitRecord = """
        local function split(rec)
          local f, pos = {}, 1
          for i = 1, 8 do
            local j = string.find(rec, '|', pos, true)
            if not j then return nil end
            f[i] = string.sub(rec, pos, j - 1)
            pos = j + 1
          end
          f[9] = string.sub(rec, pos)
          return f
        end
        """;

    /// <summary>Shared helpers: split/join a packed record, key names, exact subscribed counts.</summary>
    private const string Helpers = SplitRecord + "\n" + """
        local function join(f) return table.concat(f, '|', 1, 9) end
        local function bucket(id) return math.floor(id / 128) end
        local function slot(id) return id % 128 end
        local function rkey(prefix, id) return prefix .. 'sub:r:' .. bucket(id) end
        local function ckey(prefix, id) return prefix .. 'sub:c:' .. bucket(id) end
        local function nkey(prefix, id) return prefix .. 'sub:n:' .. bucket(id) end
        -- The sub:counts field a record counts under, or false when it is not subscribed.
        local function counted(f) return f[1] == 's' and (f[3] .. '|' .. f[2]) end
        local function recount(counts, before, after)
          if before == after then return end
          if before and redis.call('HINCRBY', counts, before, -1) <= 0 then redis.call('HDEL', counts, before) end
          if after then redis.call('HINCRBY', counts, after, 1) end
        end

        """;

    /// <summary>
    /// Finds or creates the subscriber for (channel, address) and stamps the last inbound time (never backwards).
    /// KEYS: address bucket, id sequence. ARGV: prefix, channel code, address, now (base 36 seconds).
    /// Returns { id, created (0/1), record, consent or nil, name or nil }.
    /// </summary>
    public const string Touch = Helpers + """
        local id = redis.call('HGET', KEYS[1], ARGV[3])
        local created = 0
        local rec
        if id then
          id = tonumber(id)
          rec = redis.call('HGET', rkey(ARGV[1], id), slot(id))
        else
          id = redis.call('INCR', KEYS[2])
          redis.call('HSET', KEYS[1], ARGV[3], id)
        end
        if not rec then
          rec = join({ 'c', ARGV[2], '', '', '', ARGV[4], ARGV[4], '', ARGV[3] })
          redis.call('HSET', rkey(ARGV[1], id), slot(id), rec)
          created = 1
        else
          -- Only forward: a provider retrying an old event must not move the resident's last interaction back.
          local f = split(rec)
          if f[7] == '' or tonumber(ARGV[4], 36) > tonumber(f[7], 36) then
            f[7] = ARGV[4]
            rec = join(f)
            redis.call('HSET', rkey(ARGV[1], id), slot(id), rec)
          end
        end
        return { id, created, rec, redis.call('HGET', ckey(ARGV[1], id), slot(id)), redis.call('HGET', nkey(ARGV[1], id), slot(id)) }
        """;

    /// <summary>
    /// KEYS: address bucket. ARGV: prefix, address.
    /// Returns { id, record, consent or nil, name or nil }, or nil when the address is unknown.
    /// </summary>
    public const string Find = Helpers + """
        local id = redis.call('HGET', KEYS[1], ARGV[2])
        if not id then return nil end
        id = tonumber(id)
        local rec = redis.call('HGET', rkey(ARGV[1], id), slot(id))
        if not rec then return nil end
        return { id, rec, redis.call('HGET', ckey(ARGV[1], id), slot(id)), redis.call('HGET', nkey(ARGV[1], id), slot(id)) }
        """;

    /// <summary>
    /// Reads some subscribers of one bucket at once. KEYS: record, consent and name buckets. ARGV: slots.
    /// Returns { records, consents, names }, each in slot order with nil for missing.
    /// </summary>
    public const string GetBucket = """
        return { redis.call('HMGET', KEYS[1], unpack(ARGV)), redis.call('HMGET', KEYS[2], unpack(ARGV)), redis.call('HMGET', KEYS[3], unpack(ARGV)) }
        """;

    /// <summary>
    /// Moves a subscriber to a status and keeps <c>sub:counts</c> exact. Consent is written only when
    /// the status actually changes, so a repeated DK keeps the original consent (and drip start).
    /// KEYS: record bucket, consent bucket, name bucket, counts.
    /// ARGV: slot, status code, consent time (base 36 seconds), consent value ({via}|{evidence}), area code ('' = keep).
    /// Returns { previous status code, record, consent or nil, name or nil } or nil for an unknown id.
    /// </summary>
    public const string SetStatus = Helpers + """
        local rec = redis.call('HGET', KEYS[1], ARGV[1])
        if not rec then return nil end
        local f = split(rec)
        local previous = f[1]
        local before = counted(f)
        if ARGV[5] ~= '' then f[3] = ARGV[5] end
        if previous ~= ARGV[2] then
          f[1] = ARGV[2]
          f[8] = ARGV[3]
          redis.call('HSET', KEYS[2], ARGV[1], ARGV[4])
        end
        recount(KEYS[4], before, counted(f))
        rec = join(f)
        redis.call('HSET', KEYS[1], ARGV[1], rec)
        return { previous, rec, redis.call('HGET', KEYS[2], ARGV[1]), redis.call('HGET', KEYS[3], ARGV[1]) }
        """;

    /// <summary>
    /// Imports a batch of residents with one consent. New addresses are created subscribed; contacts
    /// are subscribed; subscribers get the area, themes and name given (their consent is kept); opted
    /// out residents are left exactly as they are. Theme ids get short codes on first use.
    /// KEYS: id sequence, counts, themes (id → code), theme sequence, themes reverse (code → id).
    /// ARGV: prefix, consent time (base 36 seconds), consent value, then per row:
    /// channel code, address bucket key, address, area ('' = none/keep), name ('' = none/keep), theme ids (comma-joined, '' = none/keep).
    /// Returns one <see cref="ImportOutcome"/> number per row.
    /// </summary>
    public const string Import = Helpers + """
        local function b36(n)
          local digits, s = '0123456789abcdefghijklmnopqrstuvwxyz', ''
          repeat
            local r = n % 36
            s = string.sub(digits, r + 1, r + 1) .. s
            n = math.floor(n / 36)
          until n == 0
          return s
        end
        local known = {}
        local function code(theme)
          local c = known[theme] or redis.call('HGET', KEYS[3], theme)
          if not c then
            c = b36(redis.call('INCR', KEYS[4]))
            redis.call('HSET', KEYS[3], theme, c)
            redis.call('HSET', KEYS[5], c, theme)
          end
          known[theme] = c
          return c
        end
        local function codes(themes)
          local out = {}
          for theme in string.gmatch(themes, '[^,]+') do out[#out + 1] = code(theme) end
          return table.concat(out, ',')
        end

        local prefix, consentAt, consent = ARGV[1], ARGV[2], ARGV[3]
        local outcomes = {}
        for i = 4, #ARGV, 6 do
          local channel, akey, address, area, name, themes = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4], ARGV[i + 5]
          local id = redis.call('HGET', akey, address)
          local f
          if id then
            id = tonumber(id)
            local rec = redis.call('HGET', rkey(prefix, id), slot(id))
            if rec then f = split(rec) end
          else
            id = redis.call('INCR', KEYS[1])
            redis.call('HSET', akey, address, id)
          end
          local outcome
          if not f then
            f = { 's', channel, area, '', codes(themes), consentAt, '', consentAt, address }
            redis.call('HSET', ckey(prefix, id), slot(id), consent)
            outcome = 0
          elseif f[1] == 'o' then
            outcome = 3
          else
            local before = counted(f)
            if area ~= '' then f[3] = area end
            if themes ~= '' then f[5] = codes(themes) end
            if f[1] == 'c' then
              f[1] = 's'
              f[8] = consentAt
              redis.call('HSET', ckey(prefix, id), slot(id), consent)
              outcome = 1
            else
              outcome = 2
            end
            recount(KEYS[2], before, counted(f))
          end
          if outcome == 0 then recount(KEYS[2], false, counted(f)) end
          if outcome ~= 3 then
            redis.call('HSET', rkey(prefix, id), slot(id), join(f))
            if name ~= '' then redis.call('HSET', nkey(prefix, id), slot(id), name) end
          end
          outcomes[#outcomes + 1] = outcome
        end
        return outcomes
        """;
}
