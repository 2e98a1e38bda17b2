using System.Collections.Specialized;
using Campaign.Core.Campaigns;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Impl;
using Quartz.Spi;

namespace Campaign.Core.Scheduling;

/// <summary>
/// This instance's Quartz scheduler (in memory: Redis, not Quartz, is the shared state), holding one
/// job and trigger per active campaign. Every instance holds every trigger; when one fires
/// everywhere, <see cref="OccurrenceRunner"/> lets exactly one claim it. <see cref="SyncAsync"/> is
/// called at start for every campaign and on each change published by <see cref="CampaignStore"/>.
/// </summary>
public sealed class CampaignScheduler(
    CampaignStore campaigns,
    CampaignLifecycle lifecycle,
    OccurrenceRunner runner,
    CampaignCompletion completion,
    SchedulerInstance instance,
    TimeProvider time,
    ILogger<CampaignScheduler> logger) : IAsyncDisposable
{
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var properties = new NameValueCollection
        {
            // Unique per scheduler: Quartz keeps schedulers in a process-wide repository by name.
            ["quartz.scheduler.instanceName"] = "campaign-" + instance.Name,
            ["quartz.threadPool.maxConcurrency"] = "4",
            ["quartz.jobStore.misfireThreshold"] = "60000",
        };
        _scheduler = await new StdSchedulerFactory(properties).GetScheduler(cancellationToken);
        _scheduler.JobFactory = new RunnerJobFactory(runner);
        await _scheduler.Start(cancellationToken);
    }

    /// <summary>Re-reads every campaign the scheduler cares about and rebuilds its trigger.</summary>
    public async Task SyncAllAsync(CancellationToken cancellationToken = default)
    {
        foreach (var campaign in await campaigns.ListAsync(CampaignStatus.Approved, CampaignStatus.Scheduled, CampaignStatus.Running, CampaignStatus.Paused))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await SyncAsync(campaign.Id, cancellationToken);
        }
    }

    /// <summary>
    /// Brings one campaign's trigger in line with what is stored: approved campaigns are scheduled,
    /// active ones get their trigger (re)built, anything else loses it; a cancelled campaign's open
    /// occurrences are stopped.
    /// </summary>
    public async Task SyncAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        var scheduler = _scheduler ?? throw new InvalidOperationException("scheduler not started");
        var campaign = await campaigns.GetAsync(campaignId);
        if (campaign?.Status == CampaignStatus.Approved)
        {
            // Approval is the go-ahead: the campaign is scheduled at once (its change event brings us back here).
            await campaigns.TransitionAsync(campaignId, c => lifecycle.Schedule(c, Actor.Scheduler));
            return;
        }
        await scheduler.DeleteJob(CampaignTriggers.JobFor(campaignId), cancellationToken);
        if (campaign is null)
        {
            return;
        }
        if (campaign.Status == CampaignStatus.Cancelled)
        {
            await runner.CancelOpenAsync(campaignId);
            return;
        }
        if (!campaign.Status.IsActive())
        {
            return;
        }
        if (CampaignTriggers.For(campaign, time.GetUtcNow()) is not { } trigger)
        {
            await completion.OccurrenceFinishedAsync(campaignId);   // nothing left to fire
            return;
        }
        var job = JobBuilder.Create<OccurrenceJob>().WithIdentity(CampaignTriggers.JobFor(campaignId)).Build();
        await scheduler.ScheduleJob(job, trigger, cancellationToken);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("campaign {Campaign}: trigger set, next fire {Next}", campaignId, trigger.GetNextFireTimeUtc());
        }
    }

    /// <summary>The next fire Quartz holds for a campaign, or null (for tests and the officers' view).</summary>
    public async Task<DateTimeOffset?> NextFireAsync(string campaignId)
    {
        if (_scheduler is null)
        {
            return null;
        }
        var triggers = await _scheduler.GetTriggersOfJob(CampaignTriggers.JobFor(campaignId));
        return triggers.Select(t => t.GetNextFireTimeUtc()).Where(t => t is not null).Min();
    }

    public async Task StopAsync()
    {
        if (_scheduler is { } scheduler)
        {
            await scheduler.Shutdown(waitForJobsToComplete: false);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class RunnerJobFactory(OccurrenceRunner runner) : IJobFactory
    {
        public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler) => new OccurrenceJob(runner);

        public void ReturnJob(IJob job)
        {
        }
    }
}
