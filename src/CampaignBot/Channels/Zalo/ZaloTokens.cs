using Microsoft.Extensions.Options;

namespace CampaignBot.Channels.Zalo;

/// <summary>
/// Hands out the OA access token and refreshes it: ahead of its expiry, and when the API says it is
/// no longer valid. A refresh spends the refresh token, so across all instances only the holder of
/// the Redis lock refreshes; the others wait briefly and read the pair it stored.
/// </summary>
public sealed partial class ZaloTokens(
    ZaloTokenStore store,
    ZaloOAuthClient oauth,
    IOptions<ZaloOptions> options,
    TimeProvider time,
    ILogger<ZaloTokens> logger)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>After a refresh ahead of expiry fails, the still-valid token is used and the next early attempt waits this long.</summary>
    private static readonly TimeSpan EarlyRefreshBackoff = TimeSpan.FromMinutes(5);

    // Unix ms; read and written by concurrent sends.
    private long _noEarlyRefreshUntil;

    /// <summary>Longer than one refresh call may take, so the lock outlives its holder's request.</summary>
    private TimeSpan LockFor => options.Value.RequestTimeout + TimeSpan.FromSeconds(5);

    /// <summary>The access token to send with; refreshed first when it expires within <see cref="ZaloOptions.RefreshAhead"/>.</summary>
    /// <exception cref="StackExchange.Redis.RedisException">Redis is unreachable.</exception>
    public async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        var current = await store.GetAsync();
        var now = time.GetUtcNow();
        if (current.ExpiresAt is { } expires && now >= expires - options.Value.RefreshAhead
            && now.ToUnixTimeMilliseconds() >= Volatile.Read(ref _noEarlyRefreshUntil))
        {
            var renewed = await RenewAsync(current.AccessToken, cancellationToken);
            if (renewed.Tokens is { } tokens)
            {
                return tokens.AccessToken;
            }
            Volatile.Write(ref _noEarlyRefreshUntil, (now + EarlyRefreshBackoff).ToUnixTimeMilliseconds());
        }
        return current.AccessToken;
    }

    /// <summary>
    /// A new access token in place of <paramref name="staleAccessToken"/>: refreshed here, or by another
    /// instance that got there first (then its pair is returned without spending anything).
    /// </summary>
    /// <exception cref="StackExchange.Redis.RedisException">Redis is unreachable.</exception>
    public async Task<ZaloRefreshResult> RenewAsync(string staleAccessToken, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + LockFor + LockFor;
        while (true)
        {
            var current = await store.GetAsync();
            if (current.AccessToken != staleAccessToken)
            {
                return ZaloRefreshResult.Renewed(current);
            }
            if (await store.TryLockAsync(LockFor) is { } owner)
            {
                try
                {
                    return await RefreshHoldingLockAsync(staleAccessToken, cancellationToken);
                }
                finally
                {
                    await store.ReleaseAsync(owner);
                }
            }
            // Another instance is refreshing: wait for its pair (or for its lock to lapse), then look again.
            while (await store.IsLockedAsync() && time.GetUtcNow() < deadline)
            {
                await Task.Delay(PollEvery, time, cancellationToken);
            }
            if (time.GetUtcNow() >= deadline)
            {
                return ZaloRefreshResult.Unavailable("refresh_busy", "another instance held the token refresh lock too long");
            }
        }
    }

    private async Task<ZaloRefreshResult> RefreshHoldingLockAsync(string staleAccessToken, CancellationToken cancellationToken)
    {
        // Read again under the lock: the previous holder may have stored a new pair just before releasing.
        var current = await store.GetAsync();
        if (current.AccessToken != staleAccessToken)
        {
            return ZaloRefreshResult.Renewed(current);
        }
        var result = await oauth.RefreshAsync(current.RefreshToken, cancellationToken);
        switch (result.Outcome)
        {
            case ZaloRefreshOutcome.Renewed when await store.ReplaceAsync(current.RefreshToken, result.Tokens!):
                LogRenewed(logger, result.Tokens!.ExpiresAt);
                return result;
            case ZaloRefreshOutcome.Renewed:
                // Someone replaced the pair while we held an expired lock; theirs is the one every instance reads.
                LogLostRace(logger);
                return ZaloRefreshResult.Renewed(await store.GetAsync());
            case ZaloRefreshOutcome.Refused:
                await store.MarkRefusedAsync(current.RefreshToken);
                return result;
            default:
                return result;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo access token refreshed; it expires at {ExpiresAt}")]
    private static partial void LogRenewed(ILogger logger, DateTimeOffset? expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo token pair was replaced by another instance during our refresh; using the stored pair")]
    private static partial void LogLostRace(ILogger logger);
}
