using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Campaign.Core.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CampaignBot.Channels.Zalo;

/// <summary>
/// The OA token pair in Redis (one hash: access_token, refresh_token, expires_at in unix ms), shared
/// by every instance. It starts from the tokens in configuration the first time it is needed; from
/// then on Redis holds the truth, because each refresh spends the refresh token and the new one exists
/// nowhere else. A short lock makes sure only one instance spends it.
/// <para>
/// When Zalo refuses the stored refresh token, the pair is marked refused; configuration tokens other
/// than the ones it came from (an operator's fresh authorization) then replace it. A healthy pair is
/// never overwritten from configuration, so an instance still running with old settings cannot undo a
/// rotation.
/// </para>
/// </summary>
public sealed class ZaloTokenStore(IConnectionMultiplexer redis, RedisKeys keys, IOptions<ZaloOptions> options)
{
    private static readonly LuaScript SeedScript = LuaScript.Prepare("""
        local refused = redis.call('HGET', @key, 'refused') == '1'
        if redis.call('EXISTS', @key) == 0 or (refused and redis.call('HGET', @key, 'seed') ~= @seed) then
          redis.call('DEL', @key)
          redis.call('HSET', @key, 'access_token', @access, 'refresh_token', @refresh, 'expires_at', '0', 'seed', @seed, 'refused', '0')
        end
        return redis.call('HMGET', @key, 'access_token', 'refresh_token', 'expires_at', 'refused', 'seed')
        """);

    // Writes the new pair in one step, and only over the refresh token that was spent to get it.
    private static readonly LuaScript ReplaceScript = LuaScript.Prepare("""
        if redis.call('HGET', @key, 'refresh_token') ~= @spent then
          return 0
        end
        redis.call('HSET', @key, 'access_token', @access, 'refresh_token', @refresh, 'expires_at', @expires, 'refused', '0')
        return 1
        """);

    private static readonly LuaScript MarkRefusedScript = LuaScript.Prepare("""
        if redis.call('HGET', @key, 'refresh_token') == @spent then
          redis.call('HSET', @key, 'refused', '1')
          return 1
        end
        return 0
        """);

    private static readonly LuaScript ReleaseScript = LuaScript.Prepare("""
        if redis.call('GET', @key) == @owner then
          return redis.call('DEL', @key)
        end
        return 0
        """);

    private static readonly RedisValue[] Fields = ["access_token", "refresh_token", "expires_at", "refused", "seed"];

    private readonly string _seed = Fingerprint(options.Value.AccessToken, options.Value.RefreshToken);

    private IDatabase Db => redis.GetDatabase();

    /// <summary>The current pair: seeded from configuration when Redis has none, or only a refused one from other settings.</summary>
    /// <exception cref="RedisException">Redis is unreachable.</exception>
    public async Task<ZaloTokenSet> GetAsync()
    {
        var values = await Db.HashGetAsync(keys.ZaloTokens, Fields);
        if (values[0].IsNullOrEmpty || values[1].IsNullOrEmpty || (values[3] == "1" && values[4] != _seed))
        {
            var settings = options.Value;
            var seeded = (RedisResult[])(await Db.ScriptEvaluateAsync(SeedScript, new
            {
                key = (RedisKey)keys.ZaloTokens,
                access = settings.AccessToken,
                refresh = settings.RefreshToken,
                seed = _seed,
            }))!;
            values = [.. seeded.Select(r => (RedisValue)r)];
        }
        var expiresMs = long.TryParse(values[2].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : 0;
        return new ZaloTokenSet(
            values[0].ToString(),
            values[1].ToString(),
            expiresMs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(expiresMs) : null);
    }

    /// <summary>Stores the pair a refresh returned, unless another instance already replaced <paramref name="spentRefreshToken"/>.</summary>
    public async Task<bool> ReplaceAsync(string spentRefreshToken, ZaloTokenSet next)
    {
        var result = await Db.ScriptEvaluateAsync(ReplaceScript, new
        {
            key = (RedisKey)keys.ZaloTokens,
            spent = spentRefreshToken,
            access = next.AccessToken,
            refresh = next.RefreshToken,
            expires = (next.ExpiresAt ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds(),
        });
        return (int)result == 1;
    }

    /// <summary>Records that Zalo refused <paramref name="spentRefreshToken"/>, so new configuration tokens may replace the pair.</summary>
    public Task MarkRefusedAsync(string spentRefreshToken) =>
        Db.ScriptEvaluateAsync(MarkRefusedScript, new { key = (RedisKey)keys.ZaloTokens, spent = spentRefreshToken });

    /// <summary>Takes the refresh lock for <paramref name="holdFor"/>; the owner value to release it with, or null when another instance holds it.</summary>
    public async Task<string?> TryLockAsync(TimeSpan holdFor)
    {
        var owner = Guid.NewGuid().ToString("N");
        return await Db.StringSetAsync(keys.ZaloTokenRefreshLock, owner, holdFor, When.NotExists) ? owner : null;
    }

    public async Task<bool> IsLockedAsync() => await Db.KeyExistsAsync(keys.ZaloTokenRefreshLock);

    /// <summary>Releases the lock if it is still ours (it may have expired and been taken by another instance).</summary>
    public Task ReleaseAsync(string owner) =>
        Db.ScriptEvaluateAsync(ReleaseScript, new { key = (RedisKey)keys.ZaloTokenRefreshLock, owner });

    /// <summary>Which configuration tokens a pair came from, without storing them twice.</summary>
    private static string Fingerprint(string accessToken, string refreshToken) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(accessToken + "\n" + refreshToken)))[..16];
}
