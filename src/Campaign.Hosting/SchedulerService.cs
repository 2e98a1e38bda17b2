using Campaign.Core.Campaigns;
using Campaign.Core.Fanout;
using Campaign.Core.Redis;
using Campaign.Core.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Campaign.Hosting;

/// <summary>
/// Runs this instance's scheduler: listens for campaign changes, builds every trigger, catches up
/// fires missed while everything was down, then every <see cref="FanoutOptions.SupervisorInterval"/>
/// takes over abandoned planning and (less often) resyncs all triggers, because pub/sub loses what
/// was published while disconnected.
/// </summary>
public sealed partial class SchedulerService(
    CampaignScheduler scheduler,
    OccurrenceRunner runner,
    CampaignStore campaigns,
    FanoutOptions options,
    TimeProvider time,
    ILogger<SchedulerService> logger) : BackgroundService
{
    private static readonly TimeSpan FullResync = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await scheduler.StartAsync(stoppingToken);
        try
        {
            var listening = ListenAsync(stoppingToken);
            var lastFullSync = DateTimeOffset.MinValue;
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (time.GetUtcNow() - lastFullSync >= FullResync)
                    {
                        await scheduler.SyncAllAsync(stoppingToken);
                        await runner.CatchUpAsync(stoppingToken);
                        lastFullSync = time.GetUtcNow();
                    }
                    await runner.ResumeAbandonedAsync(stoppingToken);
                }
                catch (RedisException ex)
                {
                    LogRedisDown(ex);
                    lastFullSync = DateTimeOffset.MinValue;   // resync everything once Redis is back
                }
                await Task.Delay(options.SupervisorInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            await listening;
        }
        finally
        {
            await scheduler.StopAsync();
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var changes = await campaigns.ListenAsync();
                await foreach (var change in changes.ReadAllAsync(stoppingToken))
                {
                    await scheduler.SyncAsync(change.Id, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RedisException or InvalidOperationException)
            {
                LogRedisDown(ex);
                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "scheduler: Redis unavailable; will resync when it is back")]
    private partial void LogRedisDown(Exception ex);
}
