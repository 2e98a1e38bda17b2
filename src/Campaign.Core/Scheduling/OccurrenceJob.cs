using Quartz;

namespace Campaign.Core.Scheduling;

/// <summary>What Quartz runs when a campaign's trigger fires: hands the scheduled fire time to the runner, which claims it or not.</summary>
public sealed class OccurrenceJob(OccurrenceRunner runner) : IJob
{
    public const string CampaignIdKey = "campaign";

    public async Task Execute(IJobExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var campaignId = context.MergedJobDataMap.GetString(CampaignIdKey);
        // The scheduled time, not now: every instance computes the same one, so they race for the same occurrence.
        var fireAt = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        if (campaignId is not null)
        {
            await runner.FireAsync(campaignId, fireAt, context.CancellationToken);
        }
    }
}
