namespace Campaign.Core.Campaigns;

/// <summary>
/// Lua scripts that write a campaign, its index entries and its change notification in one step,
/// so an index never disagrees with the JSON and a notification never announces an unsaved change.
/// </summary>
internal static class CampaignScripts
{
    /// <summary>
    /// Stores a new campaign unless the id is taken.
    /// KEYS: campaign, status set, owner set, updated zset. ARGV: json, id, updated (unix ms), channel, change payload.
    /// Returns 1 when stored, 0 when the id exists.
    /// </summary>
    public const string Create = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('SET', KEYS[1], ARGV[1])
        redis.call('SADD', KEYS[2], ARGV[2])
        redis.call('SADD', KEYS[3], ARGV[2])
        redis.call('ZADD', KEYS[4], ARGV[3], ARGV[2])
        redis.call('PUBLISH', ARGV[4], ARGV[5])
        return 1
        """;

    /// <summary>
    /// Compare-and-set on the stored JSON's <c>version</c>: replaces the campaign only when the stored
    /// version is the expected one, and moves its id to the new status set.
    /// KEYS: campaign, updated zset, new status set, then every other status set.
    /// ARGV: expected version, json, id, updated (unix ms), owner id, channel, change payload.
    /// Returns {1} when saved, {0, stored version} on a version conflict, {-1} when missing, {-2} when the owner differs.
    /// </summary>
    public const string Update = """
        local stored = redis.call('GET', KEYS[1])
        if not stored then return { -1 } end
        local current = cjson.decode(stored)
        if tonumber(current['version']) ~= tonumber(ARGV[1]) then return { 0, tonumber(current['version']) } end
        if current['ownerId'] ~= ARGV[5] then return { -2 } end
        redis.call('SET', KEYS[1], ARGV[2])
        for i = 4, #KEYS do redis.call('SREM', KEYS[i], ARGV[3]) end
        redis.call('SADD', KEYS[3], ARGV[3])
        redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
        redis.call('PUBLISH', ARGV[6], ARGV[7])
        return { 1 }
        """;
}
