using Campaign.Core.Campaigns;
using Campaign.Core.Conversations;
using Campaign.Core.Occurrences;
using Campaign.Core.Subscribers;

namespace CampaignBot.Console;

/// <summary>The columns of the list endpoints' CSV downloads: what each table shows, flat, one row per item.</summary>
internal static class CsvRows
{
    public static IResult Campaigns(IReadOnlyList<CampaignRecord> campaigns) => CsvExport.File("campaigns", campaigns,
        ("id", c => c.Id), ("title", c => c.Title), ("status", c => c.Status.Key()), ("ownerId", c => c.OwnerId),
        ("areas", c => CsvExport.Join(c.Audience.AreaCodes)), ("channels", c => CsvExport.Join(c.Audience.Channels.Select(ch => ch.Key()))),
        ("topics", c => CsvExport.Join(c.Audience.Topics)), ("schedule", c => Schedule(c.Schedule)),
        ("createdAt", c => c.CreatedAt), ("updatedAt", c => c.UpdatedAt), ("approvedBy", c => c.ApprovedBy), ("approvedAt", c => c.ApprovedAt),
        ("version", c => c.Version));

    public static IResult Occurrences(string campaignId, IReadOnlyList<Occurrence> occurrences) => CsvExport.File($"occurrences-{campaignId}", occurrences,
        ("id", o => o.Id), ("campaignId", o => o.CampaignId), ("fireAt", o => o.FireAt), ("status", o => o.Status.Key()), ("reason", o => o.Reason),
        ("completedAt", o => o.CompletedAt), ("targeted", o => o.Stats.Targeted), ("sent", o => o.Stats.Sent), ("delivered", o => o.Stats.Delivered),
        ("read", o => o.Stats.Read), ("replies", o => o.Stats.Replies), ("unknown", o => o.Stats.Unknown), ("deferred", o => o.Stats.Deferred),
        ("retrying", o => o.Stats.Retrying), ("pending", o => o.Stats.Pending),
        ("skipped", o => o.Stats.SkippedTotal), ("skippedByReason", o => CsvExport.Join(o.Stats.Skipped)),
        ("failed", o => o.Stats.FailedTotal), ("failedByReason", o => CsvExport.Join(o.Stats.Failed)),
        ("undeliveredByReason", o => CsvExport.Join(o.Stats.Undelivered)));

    public static IResult Subscribers(IReadOnlyList<SubscriberView> subscribers) => CsvExport.File("subscribers", subscribers,
        ("id", s => s.Id), ("channel", s => s.Channel.Key()), ("address", s => s.Address), ("status", s => Status(s.Status)),
        ("areaCode", s => s.AreaCode), ("areaName", s => s.AreaName), ("topics", s => CsvExport.Join(s.Themes)),
        ("consentVia", s => s.ConsentVia), ("consentAt", s => s.ConsentAt), ("createdAt", s => s.CreatedAt), ("lastInboundAt", s => s.LastInboundAt));

    private static string Schedule(Schedule schedule) => schedule switch
    {
        OneOffSchedule oneOff => "oneOff " + VietnamTime.Text(oneOff.At),
        RecurringSchedule recurring => $"recurring {recurring.Cron} from {recurring.Start:yyyy-MM-dd}{(recurring.End is { } end ? $" to {end:yyyy-MM-dd}" : "")}",
        DripSchedule drip => $"drip {drip.SeriesId} at {drip.LocalHour}:00",
        _ => "",
    };

    private static string Status(SubscriberStatus status) => System.Text.Json.JsonSerializer.Serialize(status, CampaignJson.Options).Trim('"');
}
