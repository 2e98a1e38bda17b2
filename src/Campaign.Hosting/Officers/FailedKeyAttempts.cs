using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Campaign.Hosting.Officers;

/// <summary>
/// Counts invalid API keys per client address in fixed one-minute windows, with the framework's
/// rate limiter. Per instance, not shared through Redis: with several instances a client gets the
/// allowance on each, which is still nothing against a 256-bit key.
/// </summary>
public sealed class FailedKeyAttempts : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public FailedKeyAttempts(IOptions<OfficerAccessOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var perWindow = options.Value.FailedKeyAttemptsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(
            client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perWindow, Window = Window, QueueLimit = 0, AutoReplenishment = true }));
    }

    public static TimeSpan Window { get; } = TimeSpan.FromMinutes(1);

    /// <summary>True when the client has used up its failures for this window: its keys are not even looked up.</summary>
    public bool IsBlocked(string client)
    {
        // Asking for zero permits tells whether any are left without using one.
        using var lease = _limiter.AttemptAcquire(client, 0);
        return !lease.IsAcquired;
    }

    public void RecordFailure(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
    }

    public void Dispose() => _limiter.Dispose();
}
