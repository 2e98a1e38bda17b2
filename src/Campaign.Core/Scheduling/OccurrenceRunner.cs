using Campaign.Core.Campaigns;
using Campaign.Core.Fanout;
using Campaign.Core.Occurrences;
using Microsoft.Extensions.Logging;

namespace Campaign.Core.Scheduling;

/// <summary>
/// Turns a fire into work, once across all instances: the claim decides who runs it; the claimant
/// starts the campaign (scheduled → running) and plans its audience. Also catches up fires missed
/// while everything was down (run if within <see cref="FanoutOptions.MisfireGrace"/>, else recorded
/// missed) and takes over planning whose planner died.
/// </summary>
public sealed class OccurrenceRunner(
    CampaignStore campaigns,
    CampaignLifecycle lifecycle,
    OccurrenceStore occurrences,
    AudiencePlanner planner,
    CampaignCompletion completion,
    SchedulerInstance instance,
    FanoutOptions options,
    TimeProvider time,
    ILogger<OccurrenceRunner> logger)
{
    /// <summary>Most past fires one campaign's catch-up looks at (a per-minute cron down for a week would be ten thousand).</summary>
    private const int MaxCatchUp = 500;

    /// <summary>Handles one fire of a campaign. Returns the occurrence id when this instance claimed and ran it.</summary>
    public async Task<string?> FireAsync(string campaignId, DateTimeOffset fireAt, CancellationToken cancellationToken = default)
    {
        var campaign = await campaigns.GetAsync(campaignId);
        if (campaign is null || !campaign.Status.IsActive())
        {
            return null;
        }
        var now = time.GetUtcNow();
        if (now - fireAt > options.MisfireGrace)
        {
            if (await occurrences.RecordMissedAsync(campaignId, fireAt, instance.Name, now, "down_past_grace"))
            {
                logger.LogWarning("campaign {Campaign}: fire at {FireAt} missed (everything was down longer than the grace period)", campaignId, fireAt);
                await completion.OccurrenceFinishedAsync(campaignId);
            }
            return null;
        }
        if (campaign.Status == CampaignStatus.Paused)
        {
            // A paused campaign's fires are not saved up to burst out on resume: each is recorded as missed.
            await occurrences.RecordMissedAsync(campaignId, fireAt, instance.Name, now, "paused");
            return null;
        }
        if (!await occurrences.ClaimAsync(campaignId, fireAt, instance.Name, now, options.PlanningLease))
        {
            return null;   // another instance has it
        }
        var occurrenceId = OccurrenceId.For(campaignId, fireAt);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("campaign {Campaign}: occurrence {Occurrence} claimed by {Instance}", campaignId, occurrenceId, instance.Name);
        }
        if (campaign.Status == CampaignStatus.Scheduled)
        {
            await campaigns.TransitionAsync(campaignId, c => lifecycle.Start(c, Actor.Scheduler));   // refused harmlessly if another fire already started it
        }
        await PlanAsync(occurrenceId, cancellationToken);
        return occurrenceId;
    }

    /// <summary>Fires every active campaign's past fires that no instance handled: run when within grace, else recorded missed.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var campaign in await campaigns.ListAsync(CampaignStatus.Scheduled, CampaignStatus.Running, CampaignStatus.Paused))
        {
            var since = campaign.ApprovedAt ?? campaign.UpdatedAt;
            if (since < now - options.CatchUpLookback)
            {
                since = now - options.CatchUpLookback;
            }
            var fires = new List<DateTimeOffset>();
            for (var next = CampaignSchedule.NextAfter(campaign.Schedule, since.AddSeconds(-1)); next is { } fire && fire <= now; next = CampaignSchedule.NextAfter(campaign.Schedule, fire))
            {
                fires.Add(fire);
            }
            foreach (var fire in fires.TakeLast(MaxCatchUp))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!await occurrences.ExistsAsync(campaign.Id, fire))
                {
                    await FireAsync(campaign.Id, fire, cancellationToken);
                }
            }
            await completion.OccurrenceFinishedAsync(campaign.Id);
        }
    }

    /// <summary>Resumes planning of occurrences whose planner stopped renewing its lease (it died).</summary>
    public async Task ResumeAbandonedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var id in await occurrences.ListOpenAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var occurrence = await occurrences.GetAsync(id);
            if (occurrence?.Status != OccurrenceStatus.Planning)
            {
                continue;
            }
            if (await campaigns.GetAsync(occurrence.CampaignId) is { Status: CampaignStatus.Cancelled })
            {
                await occurrences.CancelAsync(id, time.GetUtcNow());
                continue;
            }
            await PlanAsync(id, cancellationToken);
        }
    }

    /// <summary>Stops a cancelled campaign's open occurrences (the dispatchers skip what is left).</summary>
    public async Task CancelOpenAsync(string campaignId)
    {
        foreach (var occurrence in await occurrences.ListAsync(campaignId, take: 20))
        {
            if (occurrence.Status.IsOpen())
            {
                await occurrences.CancelAsync(occurrence.Id, time.GetUtcNow());
            }
        }
    }

    private async Task PlanAsync(string occurrenceId, CancellationToken cancellationToken)
    {
        try
        {
            await planner.PlanAsync(occurrenceId, instance.Name, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease runs out and another instance (or this one's supervisor) resumes from the cursor.
            logger.LogError(ex, "planning {Occurrence} failed; it will be resumed", occurrenceId);
        }
    }
}
