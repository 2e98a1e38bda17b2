using Campaign.Core.Campaigns;
using Campaign.Core.Occurrences;
using Microsoft.Extensions.Logging;

namespace Campaign.Core.Scheduling;

/// <summary>
/// Moves a campaign to completed when nothing is left: its schedule will never fire again and none
/// of its occurrences is still planning or sending. Asked after every occurrence finishes and at each
/// resync; harmless to ask twice.
/// </summary>
public sealed class CampaignCompletion(CampaignStore campaigns, CampaignLifecycle lifecycle, OccurrenceStore occurrences, TimeProvider time, ILogger<CampaignCompletion> logger)
{
    public async Task OccurrenceFinishedAsync(string campaignId)
    {
        var campaign = await campaigns.GetAsync(campaignId);
        if (campaign is null || campaign.Status is not (CampaignStatus.Scheduled or CampaignStatus.Running))
        {
            return;
        }
        if (CampaignSchedule.NextAfter(campaign.Schedule, time.GetUtcNow()) is not null)
        {
            return;
        }
        var open = await occurrences.ListAsync(campaignId, take: 20);
        if (open.Any(o => o.Status.IsOpen()))
        {
            return;
        }
        var result = await campaigns.TransitionAsync(campaignId, c => lifecycle.Complete(c, Actor.Scheduler));
        if (result is { Succeeded: true } && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("campaign {Campaign} completed: nothing left to fire or send", campaignId);
        }
    }
}
