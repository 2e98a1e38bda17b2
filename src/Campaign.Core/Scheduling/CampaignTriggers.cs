using Campaign.Core.Campaigns;
using Quartz;

namespace Campaign.Core.Scheduling;

/// <summary>
/// The Quartz trigger for a campaign's schedule, in Asia/Ho_Chi_Minh: a simple trigger for a one-off,
/// a cron trigger bounded by its start and end days for a recurring schedule, and a daily cron at the
/// local hour for a drip series. Fire instants are the same as <see cref="CampaignSchedule"/>'s
/// preview, because both go through Quartz's <see cref="CronExpression"/> in the same zone.
/// </summary>
public static class CampaignTriggers
{
    public static JobKey JobFor(string campaignId) => new(campaignId, "campaigns");

    /// <summary>The trigger, or null when the schedule will not fire after <paramref name="now"/>.</summary>
    public static ITrigger? For(CampaignRecord campaign, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (CampaignSchedule.NextAfter(campaign.Schedule, now) is null)
        {
            return null;
        }
        var builder = TriggerBuilder.Create()
            .WithIdentity(campaign.Id, "campaigns")
            .ForJob(JobFor(campaign.Id))
            .UsingJobData(OccurrenceJob.CampaignIdKey, campaign.Id);
        return campaign.Schedule switch
        {
            // Fire-now on misfire: a fire the thread pool was late for still runs, with its scheduled time as the occurrence key.
            OneOffSchedule oneOff => builder
                .StartAt(CampaignSchedule.ToInstant(oneOff.At))
                .WithSimpleSchedule(s => s.WithMisfireHandlingInstructionFireNow())
                .Build(),
            RecurringSchedule recurring => Bounded(builder, recurring)
                .WithCronSchedule(recurring.Cron, c => c.InTimeZone(CampaignSchedule.Zone).WithMisfireHandlingInstructionFireAndProceed())
                .Build(),
            DripSchedule drip => builder
                .StartNow()
                .WithCronSchedule($"0 0 {drip.LocalHour} * * ?", c => c.InTimeZone(CampaignSchedule.Zone).WithMisfireHandlingInstructionFireAndProceed())
                .Build(),
            _ => throw new ArgumentOutOfRangeException(nameof(campaign), campaign.Schedule.GetType().Name, "unknown schedule kind"),
        };
    }

    private static TriggerBuilder Bounded(TriggerBuilder builder, RecurringSchedule recurring)
    {
        builder.StartAt(CampaignSchedule.StartOf(recurring.Start));
        return recurring.End is { } end ? builder.EndAt(CampaignSchedule.StartOf(end.AddDays(1))) : builder;
    }
}
