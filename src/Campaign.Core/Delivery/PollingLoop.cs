using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Campaign.Core.Delivery;

/// <summary>
/// The loop every dispatcher runs: one pass after another, a pause when a pass found nothing, and
/// a longer pause (not a crash) while Redis is unreachable, until the host stops.
/// </summary>
internal static partial class PollingLoop
{
    private static readonly TimeSpan RedisDownPause = TimeSpan.FromSeconds(2);

    /// <param name="pass">One pass; returns how much it handled (0 = idle).</param>
    /// <param name="idle">The pause after an idle pass.</param>
    /// <param name="time">The clock the pauses use.</param>
    /// <param name="logger">Where "Redis unavailable" goes.</param>
    /// <param name="name">The loop's name in that log line ("sms dispatcher").</param>
    /// <param name="stoppingToken">The host stopping.</param>
    public static async Task RunAsync(Func<CancellationToken, Task<int>> pass, TimeSpan idle, TimeProvider time, ILogger logger, string name, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await pass(stoppingToken) == 0)
                {
                    await Task.Delay(idle, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (RedisException ex)
            {
                LogRedisDown(logger, ex, name);
                await Task.Delay(RedisDownPause, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Name}: Redis unavailable, pausing")]
    private static partial void LogRedisDown(ILogger logger, Exception ex, string name);
}
